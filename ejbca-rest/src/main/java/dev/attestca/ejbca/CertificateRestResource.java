package dev.attestca.ejbca;

import dev.attestca.ca.api.CertificateService;
import dev.attestca.ca.api.Enrollment;
import dev.attestca.ca.api.RefusedException;
import dev.attestca.ca.api.RevocationStatus;
import dev.attestca.verifier.ReasonCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * EJBCA's certificate resource: PKCS#10 enrollment, revocation and revocation status, with EJBCA's
 * paths, JSON member names, encodings and error shape. The key attestation travels in the CSR's
 * attestation attribute; the certificate profile decides whether one is required.
 */
@Path("v1/certificate")
@RequestScoped
public class CertificateRestResource {

  static final String DER = "DER";

  /** The role that may enroll on profiles that do not take anonymous callers. */
  static final String ENROLLER = "enroller";

  @EJB(lookup = CertificateService.JNDI_NAME)
  CertificateService ca;

  @Context SecurityContext security;

  @POST
  @Path("pkcs10enroll")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response enroll(Messages.EnrollRequest request) {
    if (request == null || request.certificateRequest() == null) {
      return Errors.refusal(
          ReasonCode.REQUEST_MALFORMED,
          "certificate_request must hold a PKCS#10 request, PEM or base64 DER; it is missing");
    }
    String format =
        request.responseFormat() == null ? DER : request.responseFormat().toUpperCase(Locale.ROOT);
    if (!DER.equals(format)) {
      return Errors.refusal(
          ReasonCode.PARAMETER_INVALID,
          "response_format must be DER (PKCS7 is not served); got '"
              + request.responseFormat()
              + "'");
    }
    if (!CaNames.names(request.certificateAuthorityName(), ca.caChain().get(0))) {
      return Errors.refusal(
          ReasonCode.CA_UNKNOWN,
          "certificate_authority_name must name this CA ("
              + CaNames.of(ca.caChain().get(0))
              + "); got '"
              + request.certificateAuthorityName()
              + "'");
    }
    Enrollment outcome =
        ca.enroll(
            request.certificateProfileName(),
            CsrText.der(request.certificateRequest()),
            caller(),
            security.isUserInRole(ENROLLER));
    if (outcome instanceof Enrollment.Refused refused) {
      return Errors.refusal(refused.reason(), refused.message());
    }
    Enrollment.Issued issued = (Enrollment.Issued) outcome;
    Base64.Encoder base64 = Base64.getEncoder();
    List<String> chain =
        Boolean.TRUE.equals(request.includeChain())
            ? issued.chain().stream().map(base64::encodeToString).toList()
            : null;
    return Response.status(Response.Status.CREATED)
        .entity(
            new Messages.CertificateResponse(
                base64.encodeToString(issued.certificate()),
                issued.serial().toString(16).toUpperCase(Locale.ROOT),
                DER,
                chain))
        .build();
  }

  @GET
  @Path("{issuer_dn}/{certificate_serial_number}/revocationstatus")
  @Produces(MediaType.APPLICATION_JSON)
  public Response revocationStatus(
      @PathParam("issuer_dn") String issuerDn,
      @PathParam("certificate_serial_number") String serialNumber) {
    try {
      RevocationStatus status = ca.status(issuerDn, Serials.parse(serialNumber));
      return Response.ok(Revocations.response(issuerDn, serialNumber, status, null)).build();
    } catch (RefusedException e) {
      return Errors.refusal(e.reason(), e.getMessage());
    }
  }

  @PUT
  @Path("{issuer_dn}/{certificate_serial_number}/revoke")
  @Produces(MediaType.APPLICATION_JSON)
  public Response revoke(
      @PathParam("issuer_dn") String issuerDn,
      @PathParam("certificate_serial_number") String serialNumber,
      @QueryParam("reason") String reason,
      @QueryParam("date") String date) {
    try {
      RevocationStatus status =
          ca.revoke(
              issuerDn,
              Serials.parse(serialNumber),
              reason == null ? null : reason.toUpperCase(Locale.ROOT),
              Revocations.date(date),
              caller());
      return Response.ok(
              Revocations.response(issuerDn, serialNumber, status, "Successfully revoked"))
          .build();
    } catch (RefusedException e) {
      return Errors.refusal(e.reason(), e.getMessage());
    }
  }

  private String caller() {
    return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
  }

  /** Serial numbers in the path: hex, optionally with a {@code 0x} prefix, as EJBCA takes them. */
  static final class Serials {
    private Serials() {}

    static BigInteger parse(String text) throws RefusedException {
      String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
      if (!hex.matches("[0-9A-Fa-f]{1,64}")) {
        throw new RefusedException(
            ReasonCode.PARAMETER_INVALID,
            "certificate_serial_number must be hex (optionally 0x-prefixed); got '" + text + "'");
      }
      return new BigInteger(hex, 16);
    }
  }

  /** Revocation dates and the status document. */
  static final class Revocations {
    private Revocations() {}

    static Instant date(String text) throws RefusedException {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw new RefusedException(
            ReasonCode.PARAMETER_INVALID,
            "date must be an ISO 8601 date and time with offset, e.g. 2026-12-03T20:00:00Z; got '"
                + text
                + "'");
      }
    }

    static Messages.RevocationStatusResponse response(
        String issuerDn, String serialNumber, RevocationStatus status, String message) {
      return new Messages.RevocationStatusResponse(
          issuerDn,
          serialNumber,
          status.revoked(),
          status.revoked() ? status.reason() : "NOT_REVOKED",
          status.revoked() ? EjbcaDates.format(status.revokedAt()) : null,
          message);
    }
  }
}
