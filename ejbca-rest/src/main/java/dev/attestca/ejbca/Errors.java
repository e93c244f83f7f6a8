package dev.attestca.ejbca;

import dev.attestca.verifier.ReasonCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Refusals in EJBCA's error shape, {@code {"error_code": status, "error_message": text}}. The
 * message starts with AttestCA's stable reason code, then the sentence naming the field, the rule
 * and the value.
 */
final class Errors {

  private Errors() {}

  static Response refusal(ReasonCode reason, String message) {
    return of(reason.httpStatus(), reason.name() + ": " + message);
  }

  /** The error document; a 401 also asks for HTTP Basic credentials, as the server's own do. */
  static Response of(int status, String message) {
    Response.ResponseBuilder response =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new Messages.ErrorResponse(status, message));
    if (status == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"AttestCA\"");
    }
    return response.build();
  }
}
