package dev.attestca.ca.rest;

import dev.attestca.ca.enrollment.EnrollmentOutcome;
import dev.attestca.ca.enrollment.EnrollmentService;
import dev.attestca.verifier.ReasonCode;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: any failure no other code turned into a refusal. HTTP errors the runtime raised
 * (404, 405, 415, a body that is not the expected JSON) keep their status; a malformed enrollment
 * is audited like every other refusal. Anything else is an internal error whose details go to the
 * log under an incident id and never to the client.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

  @Inject EnrollmentService enrollment;
  @Context UriInfo uri;
  @Context Request request;

  @Override
  public Response toResponse(Throwable failure) {
    WebApplicationException web = cause(failure, WebApplicationException.class);
    if (web != null && web.getResponse().getStatus() < 500) {
      Response response = web.getResponse();
      if (response.hasEntity() && response.getEntity() instanceof Problem problem) {
        ReasonCode reason = ReasonCode.valueOf(problem.reason());
        return Problem.of(reason, problem.detail(), auditIfEnrollment(reason, problem.detail()));
      }
      return clientError(response.getStatusInfo());
    }
    if (failure instanceof ProcessingException && cause(failure, JsonbException.class) != null) {
      return clientError(Response.Status.BAD_REQUEST);
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "internal error, incident " + incident, failure);
    return Problem.response(
        new Problem(
            "urn:attestca:reason:INTERNAL_ERROR",
            "Internal Server Error",
            500,
            "the CA could not process the request; quote incident " + incident + " to its operator",
            "INTERNAL_ERROR",
            incident));
  }

  private Response clientError(Response.StatusType status) {
    if (status.getStatusCode() == 400) {
      String detail =
          "request body must be the JSON document this endpoint takes; it does not parse";
      return Problem.of(
          ReasonCode.REQUEST_MALFORMED,
          detail,
          auditIfEnrollment(ReasonCode.REQUEST_MALFORMED, detail));
    }
    String reason = "HTTP_" + status.getStatusCode();
    return Problem.response(
        new Problem(
            "urn:attestca:reason:" + reason,
            status.getReasonPhrase(),
            status.getStatusCode(),
            status.getReasonPhrase()
                + ": "
                + request.getMethod()
                + " "
                + uri.getRequestUri().getPath(),
            reason,
            null));
  }

  private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** Audits a refused enrollment; returns the request id, or null for other endpoints. */
  private String auditIfEnrollment(ReasonCode reason, String detail) {
    if (!isEnrollment()) {
      return null;
    }
    EnrollmentOutcome outcome = enrollment.refuse(null, null, false, reason, detail);
    return outcome.requestId();
  }

  private boolean isEnrollment() {
    return HttpMethod.POST.equals(request.getMethod()) && uri.getPath().endsWith("certificates");
  }
}
