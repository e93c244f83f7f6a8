package dev.attestca.ca.config;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.profile.ProfileDocument;
import dev.attestca.ca.profile.ProfileJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate profiles as operators write them: one JSON file per profile, in the document the
 * admin API reads and writes ({@code GET /api/v1/admin/profiles/{name}}), for example
 *
 * <pre>{@code
 * {"name": "attested", "require_attestation": true, "anonymous_enrollment": true,
 *  "nonce_lifetime_seconds": 300, "validity_days": 365, "attestation_revocation": "REQUIRE_CRL"}
 * }</pre>
 *
 * <p>Only {@code name} is required; members left out take the defaults of a new profile, and a
 * profile that requires attestation without naming {@code trusted_attestation_cas} trusts every
 * Attestation CA imported with it. Unknown members are refused, so that a misspelt setting never
 * goes unnoticed ({@link ProfileJson}, as for the admin API); each value is then checked by the
 * same rules as an admin API change.
 */
final class ProfileFiles {

  private ProfileFiles() {}

  /** The profiles of every {@code *.json} file in {@code directory}, in file name order. */
  static List<ProfileDocument> read(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
      entries.forEach(files::add);
    }
    files.sort(null);
    List<ProfileDocument> profiles = new ArrayList<>();
    for (Path file : files) {
      profiles.add(parse(file.toString(), Files.readAllBytes(file)));
    }
    if (profiles.isEmpty()) {
      throw new IllegalStateException(directory + " holds no profile (*.json)");
    }
    return profiles;
  }

  /** The profiles of the named class-path resources, in the order given. */
  static List<ProfileDocument> readResources(List<String> names) throws IOException {
    List<ProfileDocument> profiles = new ArrayList<>();
    for (String name : names) {
      try (InputStream in = ProfileFiles.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("the application lacks its profile resource " + name);
        }
        profiles.add(parse(name, in.readAllBytes()));
      }
    }
    return profiles;
  }

  /** The profile in {@code json}; {@code source} names the file in error messages. */
  static ProfileDocument parse(String source, byte[] json) {
    ProfileDocument document;
    try {
      document = ProfileJson.read(new String(json, StandardCharsets.UTF_8), false);
    } catch (OperatorRefusal refusal) {
      throw new IllegalStateException("profile file " + source + ": " + refusal.getMessage());
    }
    if (document.name() == null || document.name().isBlank()) {
      throw new IllegalStateException("profile file " + source + " must give name; it is missing");
    }
    return document;
  }
}
