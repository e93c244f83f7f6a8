package dev.attestca.ca.rest;

import dev.attestca.ca.admin.Callers;
import dev.attestca.ca.enrollment.EnrollmentRequest;
import dev.attestca.ca.enrollment.NonceService;
import dev.attestca.ca.enrollment.ProfilePolicy;
import dev.attestca.ca.enrollment.ProfileRepository;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.ca.model.EnrollmentNonce;
import dev.attestca.verifier.EnrollmentRejectedException;
import dev.attestca.verifier.ReasonCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Hands out the single-use nonces a card must put into its attestation, to the callers who may
 * enroll on the profile.
 */
@Path("nonces")
@RequestScoped
public class NonceResource {

  /** The request body: the profile the enrollment will use. */
  public record NonceRequest(String profile) {}

  /** The response: the nonce as base64url, and until when it can be used. */
  public record NonceResponse(String nonce, String profile, Instant expiresAt) {}

  @Inject ProfileRepository profiles;
  @Inject NonceService nonces;
  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response issue(NonceRequest request) {
    String name = request == null ? null : request.profile();
    Optional<CertificateProfile> profile = name == null ? Optional.empty() : profiles.find(name);
    if (profile.isEmpty()) {
      return Problem.of(ReasonCode.PROFILE_UNKNOWN, ProfilePolicy.unknownProfile(name), null);
    }
    Optional<EnrollmentRejectedException> denied =
        ProfilePolicy.access(
            profile.get(),
            new EnrollmentRequest(
                name, null, null, Callers.name(security), security.isUserInRole(Roles.ENROLLER)));
    if (denied.isPresent()) {
      return Problem.of(denied.get().reason(), denied.get().getMessage(), null);
    }
    EnrollmentNonce nonce = nonces.issue(profile.get());
    return Response.status(Response.Status.CREATED)
        .entity(new NonceResponse(nonce.getValue(), nonce.getProfileName(), nonce.getExpiresAt()))
        .build();
  }
}
