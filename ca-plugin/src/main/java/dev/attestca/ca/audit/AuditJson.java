package dev.attestca.ca.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/** The JSON-B instance admin changes are recorded with: the API's snake_case member names. */
@ApplicationScoped
public class AuditJson {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withPropertyOrderStrategy(
                  jakarta.json.bind.config.PropertyOrderStrategy.LEXICOGRAPHICAL));

  public Jsonb jsonb() {
    return jsonb;
  }
}
