package dev.attestca.ca.rest;

import dev.attestca.ca.admin.Callers;
import dev.attestca.ca.revocation.CertificateStatus;
import dev.attestca.ca.revocation.RevocationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Revocation of one issued certificate by serial, for CA admins. */
@Path("admin/certificates")
@RequestScoped
@RolesAllowed(Roles.CA_ADMIN)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RevocationResource {

  @Inject RevocationService revocation;
  @Context SecurityContext security;

  /** Revokes the certificate; the body names an RFC 5280 CRLReason, e.g. keyCompromise. */
  @POST
  @Path("{serial}/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  public CertificateStatus revoke(
      @PathParam("serial") String serial, AttestationCertificateResource.ReasonBody body) {
    return revocation.revoke(serial, body == null ? null : body.reason(), Callers.name(security));
  }
}
