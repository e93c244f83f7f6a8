package dev.attestca.ca.profile;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.verifier.ReasonCode;
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
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link ProfileDocument} from JSON strictly, for the admin API and for profile files
 * alike: every member must be one of the document's, with the JSON type of its setting, so that a
 * misspelt or mistyped setting is refused with its name instead of being ignored. The values are
 * checked afterwards by {@link ProfileRules}.
 *
 * <p>A body that is not a JSON object is refused with {@link ReasonCode#REQUEST_MALFORMED}; an
 * unknown member or a value of the wrong type with {@link ReasonCode#PROFILE_INVALID}.
 */
public final class ProfileJson {

  /** Every member of the document, with its Java type. */
  private static final Map<String, Class<?>> MEMBERS = members();

  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

  private ProfileJson() {}

  /**
   * The document in {@code json}. {@code withVersion} says whether the member {@code version} may
   * appear (a change through the admin API) or not (a profile file).
   */
  public static ProfileDocument read(String json, boolean withVersion) {
    JsonObject object;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (JsonException e) {
      throw new OperatorRefusal(
          ReasonCode.REQUEST_MALFORMED, "the profile must be a JSON object; it is not");
    }
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      Class<?> type = MEMBERS.get(member.getKey());
      if (type == null || (!withVersion && member.getKey().equals("version"))) {
        throw new OperatorRefusal(
            ReasonCode.PROFILE_INVALID,
            "the profile has the unknown member '"
                + member.getKey()
                + "'; known: "
                + (withVersion ? MEMBERS.keySet() : withoutVersion()));
      }
      if (!fits(member.getValue(), type)) {
        throw new OperatorRefusal(
            ReasonCode.PROFILE_INVALID,
            "the profile must give "
                + member.getKey()
                + " as "
                + describe(type)
                + "; got "
                + member.getValue());
      }
    }
    try {
      return JSONB.fromJson(json, ProfileDocument.class);
    } catch (JsonbException e) {
      throw new OperatorRefusal(
          ReasonCode.REQUEST_MALFORMED, "the profile does not map onto the profile document");
    }
  }

  private static List<String> withoutVersion() {
    return MEMBERS.keySet().stream().filter(name -> !name.equals("version")).toList();
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
      case NULL -> true;
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
      members.put(snakeCase(component.getName()), component.getType());
    }
    return Collections.unmodifiableMap(members);
  }

  private static String snakeCase(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
