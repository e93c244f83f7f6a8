package dev.attestca.ca.rest;

import dev.attestca.ca.admin.OperatorRefusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An admin request the CA refused: its reason code and sentence, as a problem. */
@Provider
public class OperatorRefusalMapper implements ExceptionMapper<OperatorRefusal> {

  @Override
  public Response toResponse(OperatorRefusal refusal) {
    return Problem.of(refusal.reason(), refusal.getMessage(), null);
  }
}
