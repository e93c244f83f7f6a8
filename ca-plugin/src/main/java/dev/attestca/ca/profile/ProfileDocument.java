package dev.attestca.ca.profile;

import dev.attestca.ca.model.AttestationCa;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.verifier.AttackPotential;
import java.util.List;

/**
 * A certificate profile as the admin API reads and writes it (and as the audit trail records it
 * before and after a change). In an update, a member left out (null) keeps its current value.
 *
 * @param trustedAttestationCas SHA-256 fingerprints of Attestation CAs of the trust store
 * @param minimumKeyStorage an ISO/IEC 18045 attack potential as OpenID4VCI names it ({@code
 *     iso_18045_high}, ...)
 * @param minimumUserAuthentication the same, or the empty string for no minimum
 * @param attestationRevocation {@code REQUIRE_CRL}, {@code CRL_IF_AVAILABLE} or {@code DISABLED}
 */
public record ProfileDocument(
    String name,
    Boolean requireAttestation,
    List<String> acceptedFormats,
    List<String> trustedAttestationCas,
    String attestationRevocation,
    String minimumKeyStorage,
    String minimumUserAuthentication,
    Boolean requireNonce,
    Long nonceLifetimeSeconds,
    List<String> allowedKeyAlgorithms,
    List<String> allowedCurves,
    Integer validityDays,
    List<String> keyUsage,
    List<String> extendedKeyUsage,
    List<String> subjectCopiedAttributes,
    List<String> subjectRefusedAttributes,
    Boolean qcSscd,
    Boolean anonymousEnrollment,
    Long version) {

  public static ProfileDocument of(CertificateProfile p) {
    return new ProfileDocument(
        p.getName(),
        p.isRequireAttestation(),
        p.getAcceptedFormats(),
        p.getTrustedAttestationCas().stream().map(AttestationCa::getSha256Fingerprint).toList(),
        p.getAttestationRevocation().name(),
        p.getMinimumKeyStorage().claimValue(),
        p.getMinimumUserAuthentication() == null
            ? ""
            : p.getMinimumUserAuthentication().claimValue(),
        p.isRequireNonce(),
        p.getNonceLifetime().toSeconds(),
        p.getAllowedKeyAlgorithms(),
        p.getAllowedCurves(),
        p.getValidityDays(),
        p.getKeyUsage(),
        p.getExtendedKeyUsage(),
        p.getSubjectCopiedAttributes(),
        p.getSubjectRefusedAttributes(),
        p.isQcSscd(),
        p.isAnonymousEnrollment(),
        p.getVersion());
  }

  /** Reads an attack potential by its claim value ({@code iso_18045_high}) or constant name. */
  static AttackPotential attackPotential(String value) {
    return AttackPotential.fromClaimValue(value)
        .or(
            () -> {
              for (AttackPotential level : AttackPotential.values()) {
                if (level.name().equalsIgnoreCase(value)) {
                  return java.util.Optional.of(level);
                }
              }
              return java.util.Optional.empty();
            })
        .orElse(null);
  }
}
