package dev.attestca.ca.profile;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.issuance.ProfileVocabulary;
import dev.attestca.ca.model.AttestationCa;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.ca.trust.TrustStoreService;
import dev.attestca.verifier.AttackPotential;
import dev.attestca.verifier.ReasonCode;
import dev.attestca.verifier.VerificationPolicy;
import dev.attestca.verifier.VerificationPolicy.RevocationMode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks each member of a profile document and copies it onto the profile. A member that breaks its
 * rule refuses the whole change with {@link ReasonCode#PROFILE_INVALID}, naming the member, the
 * rule and the value.
 */
@Stateless
public class ProfileRules {

  static final Set<String> FORMATS =
      Set.of(VerificationPolicy.FORMAT_CMS, VerificationPolicy.FORMAT_JWS);
  static final Set<String> KEY_ALGORITHMS = Set.of("EC");
  static final Set<String> CURVES =
      Set.of(VerificationPolicy.CURVE_P256, VerificationPolicy.CURVE_P384);
  static final long MAX_NONCE_LIFETIME_SECONDS = 86400;
  static final int MAX_VALIDITY_DAYS = 3650;

  @Inject TrustStoreService trustStore;

  public void apply(ProfileDocument d, CertificateProfile p) {
    if (d.requireAttestation() != null) {
      p.setRequireAttestation(d.requireAttestation());
    }
    if (d.acceptedFormats() != null) {
      p.setAcceptedFormats(names("accepted_formats", d.acceptedFormats(), FORMATS::contains, 0));
    }
    if (d.trustedAttestationCas() != null) {
      Set<AttestationCa> cas = new LinkedHashSet<>();
      for (String sha256 : d.trustedAttestationCas()) {
        AttestationCa ca = trustStore.find(sha256);
        if (ca == null) {
          throw invalid(
              "trusted_attestation_cas must name Attestation CAs of the trust store by SHA-256;"
                  + " '"
                  + sha256
                  + "' is not one");
        }
        cas.add(ca);
      }
      p.getTrustedAttestationCas().clear();
      p.getTrustedAttestationCas().addAll(cas);
    }
    if (d.attestationRevocation() != null) {
      p.setAttestationRevocation(revocationMode(d.attestationRevocation()));
    }
    if (d.minimumKeyStorage() != null) {
      p.setMinimumKeyStorage(attackPotential("minimum_key_storage", d.minimumKeyStorage()));
    }
    if (d.minimumUserAuthentication() != null) {
      p.setMinimumUserAuthentication(
          d.minimumUserAuthentication().isEmpty()
              ? null
              : attackPotential("minimum_user_authentication", d.minimumUserAuthentication()));
    }
    if (d.requireNonce() != null) {
      p.setRequireNonce(d.requireNonce());
    }
    if (d.nonceLifetimeSeconds() != null) {
      long seconds = d.nonceLifetimeSeconds();
      if (seconds < 1 || seconds > MAX_NONCE_LIFETIME_SECONDS) {
        throw invalid(
            "nonce_lifetime_seconds must be between 1 and "
                + MAX_NONCE_LIFETIME_SECONDS
                + "; got "
                + seconds);
      }
      p.setNonceLifetime(Duration.ofSeconds(seconds));
    }
    applyCertificateContent(d, p);
  }

  private static void applyCertificateContent(ProfileDocument d, CertificateProfile p) {
    if (d.allowedKeyAlgorithms() != null) {
      p.setAllowedKeyAlgorithms(
          names("allowed_key_algorithms", d.allowedKeyAlgorithms(), KEY_ALGORITHMS::contains, 1));
    }
    if (d.allowedCurves() != null) {
      p.setAllowedCurves(names("allowed_curves", d.allowedCurves(), CURVES::contains, 1));
    }
    if (d.validityDays() != null) {
      int days = d.validityDays();
      if (days < 1 || days > MAX_VALIDITY_DAYS) {
        throw invalid("validity_days must be between 1 and " + MAX_VALIDITY_DAYS + "; got " + days);
      }
      p.setValidityDays(days);
    }
    if (d.keyUsage() != null) {
      p.setKeyUsage(names("key_usage", d.keyUsage(), ProfileVocabulary.KEY_USAGES::containsKey, 1));
    }
    if (d.extendedKeyUsage() != null) {
      p.setExtendedKeyUsage(
          names(
              "extended_key_usage",
              d.extendedKeyUsage(),
              n -> ProfileVocabulary.keyPurpose(n).isPresent(),
              0));
    }
    Predicate<String> attribute = n -> ProfileVocabulary.attributeType(n).isPresent();
    if (d.subjectCopiedAttributes() != null) {
      p.setSubjectCopiedAttributes(
          names("subject_copied_attributes", d.subjectCopiedAttributes(), attribute, 1));
    }
    if (d.subjectRefusedAttributes() != null) {
      p.setSubjectRefusedAttributes(
          names("subject_refused_attributes", d.subjectRefusedAttributes(), attribute, 0));
    }
    if (d.qcSscd() != null) {
      p.setQcSscd(d.qcSscd());
    }
    if (d.anonymousEnrollment() != null) {
      p.setAnonymousEnrollment(d.anonymousEnrollment());
    }
  }

  private static List<String> names(
      String member, List<String> values, Predicate<String> known, int minimum) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
    if (distinct.size() < minimum) {
      throw invalid(member + " must name at least " + minimum + " value; it is empty");
    }
    for (String value : distinct) {
      if (value == null || value.contains(",") || !known.test(value)) {
        throw invalid(member + " must hold only known names; '" + value + "' is not one");
      }
    }
    return distinct;
  }

  private static RevocationMode revocationMode(String value) {
    for (RevocationMode mode : RevocationMode.values()) {
      if (mode.name().equals(value)) {
        return mode;
      }
    }
    throw invalid(
        "attestation_revocation must be one of REQUIRE_CRL, CRL_IF_AVAILABLE, DISABLED; got '"
            + value
            + "'");
  }

  private static AttackPotential attackPotential(String member, String value) {
    AttackPotential level = ProfileDocument.attackPotential(value);
    if (level == null) {
      throw invalid(
          member
              + " must be an ISO/IEC 18045 attack potential (iso_18045_basic,"
              + " iso_18045_enhanced-basic, iso_18045_moderate, iso_18045_high); got '"
              + value
              + "'");
    }
    return level;
  }

  private static OperatorRefusal invalid(String message) {
    return new OperatorRefusal(ReasonCode.PROFILE_INVALID, message);
  }
}
