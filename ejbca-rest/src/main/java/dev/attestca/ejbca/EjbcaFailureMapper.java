package dev.attestca.ejbca;

import dev.attestca.verifier.ReasonCode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Failures no resource method turned into a refusal, in EJBCA's error shape. Client errors the
 * runtime raised keep their status; a body that does not parse is a 400; anything else is an
 * internal error whose details go to the log under an incident id, never to the client.
 */
@Provider
public class EjbcaFailureMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(EjbcaFailureMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException refusal
          && refusal.getResponse().getStatus() < 500
          && refusal.getResponse().hasEntity()) {
        return refusal.getResponse();
      }
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      Response.StatusType status = web.getResponse().getStatusInfo();
      return Errors.of(
          status.getStatusCode(),
          "HTTP_" + status.getStatusCode() + ": " + status.getReasonPhrase());
    }
    if (failure instanceof ProcessingException) {
      return Errors.refusal(
          ReasonCode.REQUEST_MALFORMED,
          "request body must be the JSON document this endpoint takes; it does not parse");
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "internal error, incident " + incident, failure);
    return Errors.of(500, "General failure. Quote incident " + incident + " to the CA operator.");
  }
}
