package dev.attestca.ca.persistence;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, with the versioned SQL migrations
 * in {@value #LOCATION} ({@code V1__initial_schema.sql} and on).
 *
 * <p>Migrations that were already applied are never run again: Flyway records each one in the table
 * {@value #HISTORY_TABLE} and checks its checksum, so starting the CA twice against the same
 * database changes nothing. A database whose tables were created before migrations existed (by
 * Hibernate's schema update) holds exactly the version 1 schema and is adopted as version 1.
 */
public final class SchemaMigrations {

  /** Where the migrations live on the class path. */
  public static final String LOCATION = "classpath:db/migration";

  /** The table in which Flyway records the applied migrations. */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  private SchemaMigrations() {}

  /**
   * Applies the pending migrations to {@code dataSource}.
   *
   * @throws org.flywaydb.core.api.FlywayException when a migration fails or an applied migration
   *     was changed after it ran; the CA must not start on such a database
   */
  public static MigrateResult migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("1")
            .baselineDescription("schema created before migrations")
            .validateMigrationNaming(true)
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        () ->
            "database schema at version "
                + (result.targetSchemaVersion == null
                    ? result.initialSchemaVersion
                    : result.targetSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    return result;
  }
}
