package dev.attestca.ca.api;

import dev.attestca.verifier.ReasonCode;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/**
 * A refusal the container made before the application ran, as an error page sees it: 401 when the
 * caller sent no credentials or ones the security domain did not accept, 403 when the caller lacks
 * the role the path requires. Each web module writes it in the error shape of its API.
 *
 * @param reason {@link ReasonCode#AUTHENTICATION_REQUIRED} or {@link ReasonCode#ROLE_REQUIRED}
 * @param method the refused request's HTTP method
 * @param path the refused request's path, context root included
 * @param caller the authenticated caller's name; null when the container authenticated nobody
 * @param credentialsSent whether the request carried an Authorization header
 */
public record AccessRefusal(
    ReasonCode reason, String method, String path, String caller, boolean credentialsSent) {

  /** The refusal behind the error dispatch {@code request}. */
  public static AccessRefusal of(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Principal caller = request.getUserPrincipal();
    return new AccessRefusal(
        Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)
            ? ReasonCode.ROLE_REQUIRED
            : ReasonCode.AUTHENTICATION_REQUIRED,
        request.getMethod(),
        uri == null ? request.getRequestURI() : uri,
        caller == null ? null : caller.getName(),
        request.getHeader("Authorization") != null);
  }

  /** The sentence naming the rule and the value; {@code role} is the role the path requires. */
  public String detail(String role) {
    String target = method + " " + path;
    if (reason == ReasonCode.ROLE_REQUIRED) {
      return "caller must hold the role "
          + role
          + " for "
          + target
          + "; "
          + (caller == null ? "the caller" : caller)
          + " does not";
    }
    return credentialsSent
        ? "credentials must name a user of the CA's security domain with its password for "
            + target
            + "; the ones sent were not accepted (unknown user, wrong password, or a user locked"
            + " for a while after repeated failures)"
        : "caller must authenticate (HTTP Basic) for " + target + "; no credentials were sent";
  }

  /** Answers with the refusal's status and {@code body} of media type {@code contentType}. */
  public void send(HttpServletResponse response, String contentType, JsonObject body)
      throws IOException {
    response.setStatus(reason.httpStatus());
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try (Writer out = response.getWriter()) {
      out.write(body.toString());
    }
  }
}
