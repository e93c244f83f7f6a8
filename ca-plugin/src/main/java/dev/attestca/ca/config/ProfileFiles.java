package dev.attestca.ca.config;

import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.verifier.VerificationPolicy.RevocationMode;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Certificate profiles as operators write them: one JSON file per profile, for example
 *
 * <pre>{@code
 * {"name": "attested", "require_attestation": true, "nonce_lifetime_seconds": 300,
 *  "validity_days": 365, "attestation_revocation": "REQUIRE_CRL"}
 * }</pre>
 *
 * <p>Only {@code name} and {@code require_attestation} are required; the others default to the
 * values shown. A profile that requires attestation trusts every Attestation CA imported with it.
 * Unknown members are refused, so that a misspelt setting never goes unnoticed.
 */
final class ProfileFiles {

  static final Set<String> MEMBERS =
      Set.of(
          "name",
          "require_attestation",
          "nonce_lifetime_seconds",
          "validity_days",
          "attestation_revocation");

  private ProfileFiles() {}

  /** The profiles of every {@code *.json} file in {@code directory}, in file name order. */
  static List<CertificateProfile> read(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
      entries.forEach(files::add);
    }
    files.sort(null);
    List<CertificateProfile> profiles = new ArrayList<>();
    for (Path file : files) {
      profiles.add(parse(file.toString(), Files.readAllBytes(file)));
    }
    if (profiles.isEmpty()) {
      throw new IllegalStateException(directory + " holds no profile (*.json)");
    }
    return profiles;
  }

  /** The profile in {@code json}; {@code source} names the file in error messages. */
  static CertificateProfile parse(String source, byte[] json) {
    JsonObject object;
    try (InputStream in = new ByteArrayInputStream(json);
        JsonReader reader = Json.createReader(in)) {
      object = reader.readObject();
    } catch (IOException | JsonException e) {
      throw new IllegalStateException("profile file " + source + " is not a JSON object", e);
    }
    for (String member : object.keySet()) {
      if (!MEMBERS.contains(member)) {
        throw new IllegalStateException(
            "profile file "
                + source
                + " has the unknown member '"
                + member
                + "'; known: "
                + MEMBERS);
      }
    }
    try {
      CertificateProfile profile =
          new CertificateProfile(
              object.getString("name"), object.getBoolean("require_attestation"));
      profile.setNonceLifetime(
          Duration.ofSeconds(
              object.getJsonNumber("nonce_lifetime_seconds") == null
                  ? 300
                  : object.getJsonNumber("nonce_lifetime_seconds").longValueExact()));
      profile.setValidityDays(object.getInt("validity_days", 365));
      profile.setAttestationRevocation(
          RevocationMode.valueOf(object.getString("attestation_revocation", "REQUIRE_CRL")));
      return profile;
    } catch (NullPointerException
        | ClassCastException
        | ArithmeticException
        | IllegalArgumentException e) {
      throw new IllegalStateException(
          "profile file "
              + source
              + " must give name (text), require_attestation (true or"
              + " false) and may give nonce_lifetime_seconds, validity_days (numbers),"
              + " attestation_revocation (REQUIRE_CRL, CRL_IF_AVAILABLE, DISABLED)",
          e);
    }
  }
}
