package dev.attestca.verifier;

import java.security.cert.X509Certificate;
import java.util.Set;

/** Checks made once, when a policy is built, so a broken profile fails at start-up. */
final class PolicyChecks {
  private static final Set<String> FORMATS =
      Set.of(VerificationPolicy.FORMAT_CMS, VerificationPolicy.FORMAT_JWS);
  private static final Set<String> CURVES =
      Set.of(VerificationPolicy.CURVE_P256, VerificationPolicy.CURVE_P384);

  private PolicyChecks() {}

  static void check(VerificationPolicy policy) {
    String profile = "profile '" + policy.profileName() + "': ";
    for (String format : policy.acceptedFormats()) {
      if (!FORMATS.contains(format)) {
        throw new VerifierConfigurationException(
            profile + "accepted format '" + format + "' is unknown; known: " + FORMATS);
      }
    }
    if (policy.allowedCurves().isEmpty() || !CURVES.containsAll(policy.allowedCurves())) {
      throw new VerifierConfigurationException(
          profile + "allowed curves " + policy.allowedCurves() + " must be a subset of " + CURVES);
    }
    if (policy.requireAttestation()
        && (policy.trustAnchors().isEmpty() || policy.acceptedFormats().isEmpty())) {
      throw new VerifierConfigurationException(
          profile + "attestation is required but no trust anchor or no format is configured");
    }
    for (X509Certificate anchor : policy.trustAnchors()) {
      String name = anchor.getSubjectX500Principal().getName();
      boolean[] usage = anchor.getKeyUsage();
      if (anchor.getBasicConstraints() < 0 || (usage != null && !usage[5])) {
        throw new VerifierConfigurationException(
            profile + "trust anchor " + name + " is not a CA certificate with keyCertSign");
      }
      if (policy.revocationMode() == VerificationPolicy.RevocationMode.REQUIRE_CRL
          && policy.crls().stream()
              .noneMatch(
                  crl ->
                      crl.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())
                          && CertificatePathValidator.Revocation.signedBy(crl, anchor))) {
        throw new VerifierConfigurationException(
            profile
                + "revocation mode REQUIRE_CRL but no CRL signed by trust anchor "
                + name
                + " is configured; add its CRL or choose another revocation mode");
      }
    }
  }
}
