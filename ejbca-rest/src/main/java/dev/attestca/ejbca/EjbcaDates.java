package dev.attestca.ejbca;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Dates as EJBCA's REST API writes them: ISO 8601 to the second, in UTC, e.g. 2026-12-03T20:00:00Z.
 */
final class EjbcaDates {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

  private EjbcaDates() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
