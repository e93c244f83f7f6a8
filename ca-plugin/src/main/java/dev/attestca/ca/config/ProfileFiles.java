package dev.attestca.ca.config;

import dev.attestca.ca.profile.ProfileDocument;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
 * goes unnoticed; each value is then checked by the same rules as an admin API change.
 */
final class ProfileFiles {

  /**
   * The members a profile file may have, with their types: those of the admin API's document but
   * its version.
   */
  static final Map<String, Class<?>> MEMBERS = members();

  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

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
    JsonObject object;
    try (InputStream in = new ByteArrayInputStream(json);
        JsonReader reader = Json.createReader(in)) {
      object = reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JsonException e) {
      throw new IllegalStateException("profile file " + source + " is not a JSON object", e);
    }
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      Class<?> type = MEMBERS.get(member.getKey());
      if (type == null) {
        throw new IllegalStateException(
            "profile file "
                + source
                + " has the unknown member '"
                + member.getKey()
                + "'; known: "
                + MEMBERS.keySet());
      }
      if (!fits(member.getValue(), type)) {
        throw new IllegalStateException(
            "profile file "
                + source
                + " must give "
                + member.getKey()
                + " as "
                + describe(type)
                + "; got "
                + member.getValue());
      }
    }
    ProfileDocument document;
    try {
      document = JSONB.fromJson(new String(json, StandardCharsets.UTF_8), ProfileDocument.class);
    } catch (JsonbException e) {
      throw new IllegalStateException(
          "profile file " + source + " does not map onto a profile: " + e.getMessage(), e);
    }
    if (document.name() == null || document.name().isBlank()) {
      throw new IllegalStateException("profile file " + source + " must give name; it is missing");
    }
    return document;
  }

  /** Whether {@code value} has the JSON type of a document member of Java type {@code type}. */
  private static boolean fits(JsonValue value, Class<?> type) {
    return switch (value.getValueType()) {
      case TRUE, FALSE -> type == Boolean.class;
      case STRING -> type == String.class;
      case NUMBER ->
          (type == Long.class || type == Integer.class) && ((JsonNumber) value).isIntegral();
      case ARRAY ->
          type == List.class
              && value.asJsonArray().stream()
                  .allMatch(element -> element.getValueType() == JsonValue.ValueType.STRING);
      default -> false;
    };
  }

  private static String describe(Class<?> type) {
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    return type == List.class ? "a list of texts" : "a whole number";
  }

  private static Map<String, Class<?>> members() {
    Map<String, Class<?>> members = new TreeMap<>();
    for (RecordComponent component : ProfileDocument.class.getRecordComponents()) {
      if (!component.getName().equals("version")) {
        members.put(snakeCase(component.getName()), component.getType());
      }
    }
    return Collections.unmodifiableMap(members);
  }

  private static String snakeCase(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
