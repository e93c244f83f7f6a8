package dev.attestca.ejbca;

import dev.attestca.ca.api.AccessRefusal;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The body of the container's own 401 and 403 answers (revoking takes the ca-admin role) in EJBCA's
 * error shape, so that EJBCA clients parse them like every other error of this API. web.xml names
 * this servlet as the error page of both statuses.
 */
@WebServlet("/access-problem")
public class AccessErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AccessRefusal refusal = AccessRefusal.of(request);
    refusal.send(
        response,
        "application/json",
        Json.createObjectBuilder()
            .add("error_code", refusal.reason().httpStatus())
            .add("error_message", refusal.reason().name() + ": " + refusal.detail("ca-admin"))
            .build());
  }
}
