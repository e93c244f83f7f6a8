package dev.attestca.ca.rest;

import dev.attestca.ca.admin.Callers;
import dev.attestca.ca.revocation.CertificateStatus;
import dev.attestca.ca.revocation.RevocationService;
import dev.attestca.ca.trust.AttestationCertificateRegistry;
import dev.attestca.ca.trust.AttestationCertificateView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * The attestation certificates seen in accepted requests, for CA admins: list them, distrust one,
 * list and revoke the certificates issued on its strength.
 */
@Path("admin/attestation-certificates")
@RequestScoped
@RolesAllowed(Roles.CA_ADMIN)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AttestationCertificateResource {

  /** Why the operator acts: free text for distrust, an RFC 5280 CRLReason name for revocation. */
  public record ReasonBody(String reason) {}

  /** The outcome of a bulk revocation. */
  public record BulkRevocation(
      String attestationCertificateSha256, List<CertificateStatus> revoked) {}

  @Inject AttestationCertificateRegistry registry;
  @Inject RevocationService revocation;
  @Context SecurityContext security;

  @GET
  public List<AttestationCertificateView> list() {
    return registry.list();
  }

  @GET
  @Path("{sha256}")
  public AttestationCertificateView get(@PathParam("sha256") String sha256) {
    return registry.get(sha256);
  }

  @GET
  @Path("{sha256}/issued-certificates")
  public List<CertificateResource.CertificateSummary> issued(@PathParam("sha256") String sha256) {
    return registry.issuedOn(sha256.toLowerCase()).stream()
        .map(CertificateResource::summary)
        .toList();
  }

  @POST
  @Path("{sha256}/distrust")
  @Consumes(MediaType.APPLICATION_JSON)
  public AttestationCertificateView distrust(@PathParam("sha256") String sha256, ReasonBody body) {
    return registry.distrust(
        sha256.toLowerCase(), body == null ? null : body.reason(), Callers.name(security));
  }

  /** Revokes, in one transaction, every certificate issued on the strength of this one. */
  @POST
  @Path("{sha256}/revoke-issued")
  @Consumes(MediaType.APPLICATION_JSON)
  public BulkRevocation revokeIssued(@PathParam("sha256") String sha256, ReasonBody body) {
    String fingerprint = sha256.toLowerCase();
    registry.get(fingerprint);
    return new BulkRevocation(
        fingerprint,
        revocation.revokeIssuedOn(
            fingerprint, body == null ? null : body.reason(), Callers.name(security)));
  }
}
