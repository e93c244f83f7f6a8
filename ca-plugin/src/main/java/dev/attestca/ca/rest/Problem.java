package dev.attestca.ca.rest;

import dev.attestca.verifier.ReasonCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details body. {@code reason} is the stable reason code clients act on; {@code
 * detail} is a sentence naming the field, the rule and the value.
 */
public record Problem(
    String type, String title, int status, String detail, String reason, String requestId) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  /** The problem for a refusal with a reason code. */
  public static Response of(ReasonCode reason, String detail, String requestId) {
    int status = reason.httpStatus();
    Response problem =
        response(
            new Problem(
                "urn:attestca:reason:" + reason.name(),
                Response.Status.fromStatusCode(status) == null
                    ? "Refused"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(),
                status,
                detail,
                reason.name(),
                requestId));
    if (status == 401) {
      return Response.fromResponse(problem)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"AttestCA\"")
          .build();
    }
    return problem;
  }

  static Response response(Problem problem) {
    return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
  }
}
