package dev.attestca.ca.api;

import dev.attestca.verifier.ReasonCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;

/**
 * A refusal the container made before the application ran, as an error page sees it: 401 when the
 * caller sent no credentials or ones the security domain did not accept, 403 when the caller lacks
 * the role the path requires. Each web module writes it in the error shape of its API.
 *
 * @param reason {@link ReasonCode#AUTHENTICATION_REQUIRED} or {@link ReasonCode#ROLE_REQUIRED}
 * @param target the refused request, as "METHOD /path"
 * @param caller the authenticated caller's name; null when the container authenticated nobody
 * @param credentialsSent whether the request carried an Authorization header
 */
public record AccessRefusal(
    ReasonCode reason, String target, String caller, boolean credentialsSent) {

  /** The refusal behind the error dispatch {@code request}. */
  public static AccessRefusal of(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Principal caller = request.getUserPrincipal();
    return new AccessRefusal(
        Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)
            ? ReasonCode.ROLE_REQUIRED
            : ReasonCode.AUTHENTICATION_REQUIRED,
        request.getMethod() + " " + (uri == null ? request.getRequestURI() : uri),
        caller == null ? null : caller.getName(),
        request.getHeader("Authorization") != null);
  }

  /** The path the container refused, without the method. */
  public String path() {
    return target.substring(target.indexOf(' ') + 1);
  }

  /** The sentence naming the rule and the value; {@code role} is the role the path requires. */
  public String detail(String role) {
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
}
