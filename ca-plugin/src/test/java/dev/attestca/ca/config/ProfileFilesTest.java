package dev.attestca.ca.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.ca.profile.ProfileDocument;
import dev.attestca.ca.profile.ProfileRules;
import dev.attestca.verifier.AttackPotential;
import dev.attestca.verifier.ReasonCode;
import dev.attestca.verifier.VerificationPolicy;
import dev.attestca.verifier.VerificationPolicy.RevocationMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileFilesTest {

  @Test
  void theProfilesShippedInConfigAreTheTwoDefaultOnes() throws Exception {
    List<ProfileDocument> profiles = ProfileFiles.read(Path.of("..", "config", "profiles"));

    assertEquals(2, profiles.size());
    CertificateProfile attested = applied(profiles.get(0));
    assertEquals("attested", attested.getName());
    assertTrue(attested.isRequireAttestation());
    assertTrue(attested.isAnonymousEnrollment());
    assertEquals(
        List.of(VerificationPolicy.FORMAT_CMS, VerificationPolicy.FORMAT_JWS),
        attested.getAcceptedFormats());
    CertificateProfile open = applied(profiles.get(1));
    assertEquals("open", open.getName());
    assertFalse(open.isRequireAttestation());
    assertFalse(open.isAnonymousEnrollment());
  }

  @Test
  void theApplicationShipsTheProfilesOfConfig() throws Exception {
    assertEquals(
        ProfileFiles.read(Path.of("..", "config", "profiles")),
        ProfileFiles.readResources(InitialConfiguration.SHIPPED_PROFILES));
  }

  @Test
  void everyMemberOfTheAdminDocumentIsRead() {
    CertificateProfile profile =
        applied(
            parse(
                "{\"name\": \"short\", \"require_attestation\": true,"
                    + " \"accepted_formats\": [\"openid4vci-jwt\"],"
                    + " \"attestation_revocation\": \"CRL_IF_AVAILABLE\","
                    + " \"minimum_key_storage\": \"iso_18045_moderate\","
                    + " \"minimum_user_authentication\": \"iso_18045_basic\","
                    + " \"require_nonce\": false, \"nonce_lifetime_seconds\": 60,"
                    + " \"allowed_curves\": [\"P-384\"], \"validity_days\": 7,"
                    + " \"key_usage\": [\"digitalSignature\", \"nonRepudiation\"],"
                    + " \"extended_key_usage\": [], \"subject_copied_attributes\": [\"CN\"],"
                    + " \"subject_refused_attributes\": [\"OU\"], \"qc_sscd\": true,"
                    + " \"anonymous_enrollment\": true}"));

    assertEquals("short", profile.getName());
    assertEquals(List.of(VerificationPolicy.FORMAT_JWS), profile.getAcceptedFormats());
    assertEquals(RevocationMode.CRL_IF_AVAILABLE, profile.getAttestationRevocation());
    assertEquals(AttackPotential.MODERATE, profile.getMinimumKeyStorage());
    assertEquals(AttackPotential.BASIC, profile.getMinimumUserAuthentication());
    assertFalse(profile.isRequireNonce());
    assertEquals(Duration.ofSeconds(60), profile.getNonceLifetime());
    assertEquals(List.of(VerificationPolicy.CURVE_P384), profile.getAllowedCurves());
    assertEquals(7, profile.getValidityDays());
    assertEquals(List.of("digitalSignature", "nonRepudiation"), profile.getKeyUsage());
    assertEquals(List.of(), profile.getExtendedKeyUsage());
    assertEquals(List.of("CN"), profile.getSubjectCopiedAttributes());
    assertEquals(List.of("OU"), profile.getSubjectRefusedAttributes());
    assertTrue(profile.isQcSscd());
    assertTrue(profile.isAnonymousEnrollment());
  }

  @Test
  void omittedMembersTakeTheDefaultsOfANewProfile() {
    CertificateProfile profile = applied(parse("{\"name\": \"p\"}"));

    assertFalse(profile.isRequireAttestation());
    assertEquals(Duration.ofSeconds(300), profile.getNonceLifetime());
    assertEquals(365, profile.getValidityDays());
    assertEquals(RevocationMode.REQUIRE_CRL, profile.getAttestationRevocation());
    assertEquals(List.of(VerificationPolicy.FORMAT_CMS), profile.getAcceptedFormats());
    assertNull(profile.getMinimumUserAuthentication());
    assertFalse(profile.isAnonymousEnrollment());
  }

  @ParameterizedTest(name = "{0} -> refused, message names {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\": \"p\", \"require_attestation\": true, \"validity\": 7} | 'validity'",
        "{\"name\": \"p\", \"version\": 3} | 'version'",
        "{\"require_attestation\": true} | must give name",
        "{\"name\": \"p\", \"require_attestation\": \"yes\"} | require_attestation as true or false",
        "{\"name\": \"p\", \"allowed_curves\": \"P-256\"} | allowed_curves as a list of texts",
        "{\"name\": \"p\", \"validity_days\": 7.5} | validity_days as a whole number",
        "{\"name\": 7} | name as a text",
        "[1] | must be a JSON object",
        "{\"name\": | must be a JSON object",
      })
  void aProfileFileThatDoesNotFitStopsTheStart(String json, String named) {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> parse(json));

    assertTrue(refused.getMessage().contains("test.json"), refused.getMessage());
    assertTrue(refused.getMessage().contains(named), refused.getMessage());
  }

  @Test
  void aValueTheAdminApiWouldRefuseIsRefusedAlike() {
    ProfileDocument document = parse("{\"name\": \"p\", \"validity_days\": 0}");

    OperatorRefusal refused = assertThrows(OperatorRefusal.class, () -> applied(document));

    assertEquals(ReasonCode.PROFILE_INVALID, refused.reason());
    assertTrue(refused.getMessage().contains("validity_days"), refused.getMessage());
  }

  private static ProfileDocument parse(String json) {
    return ProfileFiles.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** The profile a start would store for {@code document}, trusting no Attestation CA. */
  private static CertificateProfile applied(ProfileDocument document) {
    CertificateProfile profile =
        new CertificateProfile(document.name(), Boolean.TRUE.equals(document.requireAttestation()));
    new ProfileRules().apply(document, profile);
    return profile;
  }
}
