package dev.attestca.ca.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers a query on the CA's tables. The reason of a failure goes to
 * the log; the health answer only says that the database is unavailable.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final String NAME = "attestca-database";
  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = "java:jboss/datasources/AttestCaDS")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(5);
      statement.executeQuery("select count(*) from certificate_profile").close();
      return HealthCheckResponse.up(NAME);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "readiness: the database does not answer", e);
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("reason", "the database does not answer")
          .build();
    }
  }
}
