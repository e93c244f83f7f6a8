package dev.attestca.ejbca;

import dev.attestca.verifier.ReasonCode;
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

  static Response of(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new Messages.ErrorResponse(status, message))
        .build();
  }
}
