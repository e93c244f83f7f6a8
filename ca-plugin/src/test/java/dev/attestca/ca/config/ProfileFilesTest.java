package dev.attestca.ca.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.ca.model.CertificateProfile;
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
    List<CertificateProfile> profiles = ProfileFiles.read(Path.of("..", "config", "profiles"));

    assertEquals(2, profiles.size());
    assertEquals("attested", profiles.get(0).getName());
    assertTrue(profiles.get(0).isRequireAttestation());
    assertEquals("open", profiles.get(1).getName());
    assertEquals(false, profiles.get(1).isRequireAttestation());
  }

  @Test
  void everySettingIsRead() {
    CertificateProfile profile =
        parse(
            "{\"name\": \"short\", \"require_attestation\": true, \"nonce_lifetime_seconds\": 60,"
                + " \"validity_days\": 7, \"attestation_revocation\": \"CRL_IF_AVAILABLE\"}");

    assertEquals("short", profile.getName());
    assertEquals(Duration.ofSeconds(60), profile.getNonceLifetime());
    assertEquals(7, profile.getValidityDays());
    assertEquals(RevocationMode.CRL_IF_AVAILABLE, profile.getAttestationRevocation());
  }

  @Test
  void omittedSettingsTakeTheirDefaults() {
    CertificateProfile profile = parse("{\"name\": \"p\", \"require_attestation\": false}");

    assertEquals(Duration.ofSeconds(300), profile.getNonceLifetime());
    assertEquals(365, profile.getValidityDays());
    assertEquals(RevocationMode.REQUIRE_CRL, profile.getAttestationRevocation());
  }

  @ParameterizedTest(name = "{0} -> refused, message names {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\": \"p\", \"require_attestation\": true, \"validity\": 7} | 'validity'",
        "{\"require_attestation\": true} | must give name",
        "{\"name\": \"p\", \"require_attestation\": \"yes\"} | must give name",
        "{\"name\": \"p\", \"require_attestation\": true, \"attestation_revocation\": \"NO\"}"
            + " | must give name",
        "[1] | is not a JSON object",
      })
  void aProfileFileThatDoesNotFitStopsTheStart(String json, String named) {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> parse(json));

    assertTrue(refused.getMessage().contains("test.json"), refused.getMessage());
    assertTrue(refused.getMessage().contains(named), refused.getMessage());
  }

  private static CertificateProfile parse(String json) {
    return ProfileFiles.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
  }
}
