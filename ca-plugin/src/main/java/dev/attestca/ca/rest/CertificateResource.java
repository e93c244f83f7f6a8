package dev.attestca.ca.rest;

import dev.attestca.ca.admin.Callers;
import dev.attestca.ca.enrollment.EnrollmentOutcome;
import dev.attestca.ca.enrollment.EnrollmentRequest;
import dev.attestca.ca.enrollment.EnrollmentService;
import dev.attestca.ca.issuance.Fingerprints;
import dev.attestca.ca.issuance.Pem;
import dev.attestca.ca.issuance.Serials;
import dev.attestca.ca.model.IssuedCertificate;
import dev.attestca.verifier.ReasonCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Enrollment (POST) and look-up of issued certificates with their revocation status. Enrollment is
 * open to anonymous callers only on profiles that allow it; the gate checks that.
 */
@Path("certificates")
@RequestScoped
public class CertificateResource {

  /**
   * An enrollment request.
   *
   * @param profile the certificate profile
   * @param csr the PKCS#10 request, PEM or base64 DER
   * @param attestation an attestation sent beside the CSR (base64 DER), when the CSR does not carry
   *     it in its attestation attribute
   */
  public record EnrollRequest(String profile, String csr, String attestation) {}

  /** An issued certificate, with the CA chain above it. */
  public record CertificateResponse(
      String requestId,
      String serialNumber,
      String subject,
      String issuer,
      Instant notBefore,
      Instant notAfter,
      String profile,
      String attestationFormat,
      String certificate,
      List<String> certificateChain) {}

  /** One stored certificate, as listed. */
  public record CertificateSummary(
      String serialNumber,
      String subject,
      String issuer,
      String profile,
      Instant notBefore,
      Instant notAfter,
      String spkiSha256,
      String attestationSignerSha256,
      String status,
      Instant revokedAt,
      String revocationReason,
      String certificate) {}

  @Inject EnrollmentService enrollment;
  @PersistenceContext EntityManager em;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response enroll(EnrollRequest body) {
    String caller = Callers.name(security);
    boolean enroller = security.isUserInRole(Roles.ENROLLER);
    if (body == null || body.csr() == null) {
      return toResponse(
          enrollment.refuse(
              body == null ? null : body.profile(),
              caller,
              enroller,
              ReasonCode.REQUEST_MALFORMED,
              "csr must hold a PKCS#10 request in PEM or base64 DER; it is missing"));
    }
    byte[] csr;
    byte[] attestation = null;
    try {
      csr = Requests.derFromText(body.csr());
    } catch (IllegalArgumentException e) {
      return toResponse(
          enrollment.refuse(
              body.profile(),
              caller,
              enroller,
              ReasonCode.CSR_MALFORMED,
              "csr must be PEM or base64 DER; " + e.getMessage()));
    }
    if (body.attestation() != null) {
      try {
        attestation = Requests.derFromText(body.attestation());
      } catch (IllegalArgumentException e) {
        return toResponse(
            enrollment.refuse(
                body.profile(),
                caller,
                enroller,
                ReasonCode.ATTESTATION_MALFORMED,
                "attestation must be base64 DER; " + e.getMessage()));
      }
    }
    return toResponse(
        enrollment.enroll(
            new EnrollmentRequest(body.profile(), csr, attestation, caller, enroller)));
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<CertificateSummary> list(@QueryParam("spki_sha256") String spkiSha256) {
    String spki =
        Fingerprints.parameter("spki_sha256", spkiSha256, "the SHA-256 of a SubjectPublicKeyInfo");
    var query =
        spki == null
            ? em.createQuery(
                "select c from IssuedCertificate c order by c.id", IssuedCertificate.class)
            : em.createQuery(
                    "select c from IssuedCertificate c where c.spkiSha256 = :spki order by c.id",
                    IssuedCertificate.class)
                .setParameter("spki", spki);
    return query.setMaxResults(1000).getResultStream().map(CertificateResource::summary).toList();
  }

  @GET
  @Path("{serial}")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response get(@PathParam("serial") String serial) {
    List<IssuedCertificate> found =
        em.createQuery(
                "select c from IssuedCertificate c where c.serialNumber = :serial",
                IssuedCertificate.class)
            .setParameter("serial", Serials.normalise(serial))
            .getResultList();
    if (found.isEmpty()) {
      return Problem.of(
          ReasonCode.CERTIFICATE_UNKNOWN,
          "serial must name a certificate this CA issued; " + serial + " is unknown",
          null);
    }
    return Response.ok(summary(found.get(0))).build();
  }

  private Response toResponse(EnrollmentOutcome outcome) {
    if (outcome instanceof EnrollmentOutcome.Rejected rejected) {
      return Problem.of(rejected.reason(), rejected.message(), rejected.requestId());
    }
    EnrollmentOutcome.Issued issued = (EnrollmentOutcome.Issued) outcome;
    X509Certificate certificate = issued.certificate();
    String serial = certificate.getSerialNumber().toString(16);
    return Response.created(uri.getAbsolutePathBuilder().path(serial).build())
        .entity(
            new CertificateResponse(
                issued.requestId(),
                serial,
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                issued.profileName(),
                issued.attestationFormat(),
                Pem.certificate(certificate),
                issued.chain().stream().map(Pem::certificate).toList()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** The summary the API shows for a stored certificate, with its revocation status. */
  static CertificateSummary summary(IssuedCertificate c) {
    return new CertificateSummary(
        c.getSerialNumber(),
        c.getSubject(),
        c.getIssuer(),
        c.getProfileName(),
        c.getNotBefore(),
        c.getNotAfter(),
        c.getSpkiSha256(),
        c.getAttestationSignerSha256(),
        c.getRevokedAt() == null ? "good" : "revoked",
        c.getRevokedAt(),
        c.getRevocationReason(),
        Pem.encode("CERTIFICATE", c.getCertificateDer()));
  }
}
