package dev.attestca.ca.rest;

import dev.attestca.ca.admin.Callers;
import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.trust.AttestationCaView;
import dev.attestca.ca.trust.TrustStoreService;
import dev.attestca.verifier.ReasonCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The trust store of Attestation CA certificates and their CRLs, for CA admins. */
@Path("admin/attestation-cas")
@RequestScoped
@RolesAllowed(Roles.CA_ADMIN)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TrustStoreResource {

  /** An Attestation CA to add: its certificate and optionally its CRL, PEM or base64 DER. */
  public record NewAttestationCa(String certificate, String crl) {}

  /** A CRL, PEM or base64 DER. */
  public record CrlBody(String crl) {}

  @Inject TrustStoreService trustStore;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  public List<AttestationCaView> list() {
    return trustStore.list();
  }

  @GET
  @Path("{sha256}")
  public AttestationCaView get(@PathParam("sha256") String sha256) {
    return trustStore.get(sha256);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(NewAttestationCa body) {
    if (body == null || body.certificate() == null) {
      return Problem.of(
          ReasonCode.REQUEST_MALFORMED,
          "certificate must hold a PEM certificate; it is missing",
          null);
    }
    AttestationCaView added =
        trustStore.add(
            binary("certificate", body.certificate()),
            body.crl() == null ? null : binary("crl", body.crl()),
            Callers.name(security));
    return Response.created(uri.getAbsolutePathBuilder().path(added.sha256()).build())
        .entity(added)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @PUT
  @Path("{sha256}/crl")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replaceCrl(@PathParam("sha256") String sha256, CrlBody body) {
    if (body == null || body.crl() == null) {
      return Problem.of(
          ReasonCode.REQUEST_MALFORMED, "crl must hold a PEM CRL; it is missing", null);
    }
    return Response.ok(
            trustStore.replaceCrl(sha256, binary("crl", body.crl()), Callers.name(security)))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @DELETE
  @Path("{sha256}")
  public Response remove(@PathParam("sha256") String sha256) {
    trustStore.remove(sha256, Callers.name(security));
    return Response.noContent().build();
  }

  /** Imports the certificates and CRLs of the configured trust store directory. */
  @POST
  @Path("import")
  public List<AttestationCaView> importConfigured() {
    return trustStore.importConfigured(Callers.name(security));
  }

  /** PEM text as given (the certificate factory reads it), or base64 DER decoded. */
  private static byte[] binary(String member, String text) {
    String value = text.strip();
    if (value.startsWith("-----BEGIN ")) {
      return value.getBytes(StandardCharsets.US_ASCII);
    }
    try {
      return Base64.getMimeDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_INVALID,
          member + " must be PEM or base64 DER; " + e.getMessage());
    }
  }
}
