package dev.attestca.ca.enrollment;

import dev.attestca.ca.model.AttestationCa;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.verifier.EnrollmentRejectedException;
import dev.attestca.verifier.ReasonCode;
import dev.attestca.verifier.VerificationPolicy;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a certificate profile demands of a caller and of a request. */
public final class ProfilePolicy {

  private ProfilePolicy() {}

  /** The sentence for a request that names no profile of this CA, or none at all. */
  public static String unknownProfile(String name) {
    return name == null
        ? "profile must name a certificate profile of this CA; it is missing"
        : "profile must name a certificate profile of this CA; got '" + name + "'";
  }

  /**
   * Whether the caller may enroll on the profile: anyone when it allows anonymous enrollment,
   * otherwise only an authenticated caller with the enroller role.
   */
  public static Optional<EnrollmentRejectedException> access(
      CertificateProfile profile, EnrollmentRequest request) {
    if (profile.isAnonymousEnrollment() || request.enroller()) {
      return Optional.empty();
    }
    if (request.caller() == null) {
      return Optional.of(
          new EnrollmentRejectedException(
              ReasonCode.AUTHENTICATION_REQUIRED,
              "caller must authenticate to enroll on profile '"
                  + profile.getName()
                  + "', which does not allow anonymous enrollment; no credentials were sent"));
    }
    return Optional.of(
        new EnrollmentRejectedException(
            ReasonCode.ROLE_REQUIRED,
            "caller must hold the role enroller to enroll on profile '"
                + profile.getName()
                + "'; "
                + request.caller()
                + " does not"));
  }

  /** The verification policy a profile stands for. */
  public static VerificationPolicy of(CertificateProfile profile) {
    return VerificationPolicy.builder(profile.getName())
        .requireAttestation(profile.isRequireAttestation())
        .acceptedFormats(profile.getAcceptedFormats())
        .allowedCurves(profile.getAllowedCurves())
        .requireNonce(profile.isRequireNonce())
        .minimumKeyStorage(profile.getMinimumKeyStorage())
        .minimumUserAuthentication(profile.getMinimumUserAuthentication())
        .trustAnchors(
            profile.getTrustedAttestationCas().stream()
                .map(AttestationCa::certificate)
                .collect(Collectors.toList()))
        .revocationMode(profile.getAttestationRevocation())
        .crls(
            profile.getTrustedAttestationCas().stream()
                .flatMap(ca -> ca.crl().stream())
                .collect(Collectors.toList()))
        .build();
  }
}
