package dev.attestca.ca.rest;

import dev.attestca.ca.api.AccessRefusal;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The body of the container's own 401 and 403 answers, as a problem document with a reason code
 * like every refusal the application makes, instead of the server's HTML page. web.xml names this
 * servlet as the error page of both statuses.
 */
@WebServlet("/access-problem")
public class AccessProblemServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The role each admin path needs, as web.xml's security constraints give it. */
  private static final Map<String, String> ADMIN_ROLES =
      Map.of(
          "/api/v1/admin/profiles", Roles.POLICY_ADMIN,
          "/api/v1/admin/attestation-cas", Roles.CA_ADMIN,
          "/api/v1/admin/attestation-certificates", Roles.CA_ADMIN,
          "/api/v1/admin/certificates", Roles.CA_ADMIN,
          "/api/v1/admin/audit", Roles.AUDITOR);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AccessRefusal refusal = AccessRefusal.of(request);
    int status = refusal.reason().httpStatus();
    refusal.send(
        response,
        Problem.MEDIA_TYPE,
        Json.createObjectBuilder()
            .add("type", "urn:attestca:reason:" + refusal.reason().name())
            .add("title", status == 401 ? "Unauthorized" : "Forbidden")
            .add("status", status)
            .add("detail", refusal.detail(requiredRole(refusal.path(), request.getContextPath())))
            .add("reason", refusal.reason().name())
            .build());
  }

  private static String requiredRole(String uri, String contextPath) {
    String path = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    for (Map.Entry<String, String> entry : ADMIN_ROLES.entrySet()) {
      if (path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/")) {
        return entry.getValue();
      }
    }
    return Roles.ENROLLER;
  }
}
