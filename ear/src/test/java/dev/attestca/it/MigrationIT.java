package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploying against an empty PostgreSQL database creates the schema through the migrations;
 * deploying again applies nothing and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MigrationIT {

  private static final String DEPLOYMENT = "migrating";

  @ArquillianResource Deployer deployer;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  @Test
  void firstStartCreatesTheSchemaAndTheSecondChangesNothing() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("attestca.it.database")),
        "the schema of the PostgreSQL run is inspected over JDBC");
    try (Connection db = connect()) {
      execute(db, "drop schema public cascade");
      execute(db, "create schema public");
      assertTrue(tables(db).isEmpty(), "schema is empty before the first start");

      deployer.deploy(DEPLOYMENT);
      List<String> history = history(db);
      List<String> schema = columns(db);
      assertFalse(history.isEmpty(), "migrations recorded");
      assertTrue(history.get(0).startsWith("1|initial schema|SQL|"), history.get(0));
      assertTrue(history.stream().allMatch(row -> row.endsWith("|applied")), history.toString());
      assertTrue(tables(db).contains("issued_certificate"), tables(db).toString());
      assertEquals(201, newNonce());
      deployer.undeploy(DEPLOYMENT);

      deployer.deploy(DEPLOYMENT);
      assertEquals(history, history(db), "no migration applied at the second start");
      assertEquals(schema, columns(db), "schema unchanged by the second start");
      assertEquals(201, newNonce());
      deployer.undeploy(DEPLOYMENT);
    }
  }

  private static Connection connect() throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", System.getProperty("attestca.it.jdbc.user"));
    return DriverManager.getConnection(System.getProperty("attestca.it.jdbc.url"), credentials);
  }

  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The recorded migrations: version, description, type, checksum, rank, outcome. */
  private static List<String> history(Connection db) throws SQLException {
    return rows(
        db,
        "select version, description, type, checksum, installed_rank,"
            + " case when success then 'applied' else 'failed' end"
            + " from flyway_schema_history order by installed_rank");
  }

  private static List<String> tables(Connection db) throws SQLException {
    return rows(
        db,
        "select table_name from information_schema.tables where table_schema = 'public'"
            + " order by table_name");
  }

  private static List<String> columns(Connection db) throws SQLException {
    return rows(
        db,
        "select table_name, column_name, data_type, is_nullable, character_maximum_length"
            + " from information_schema.columns where table_schema = 'public'"
            + " order by table_name, column_name");
  }

  private static List<String> rows(Connection db, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static int newNonce() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(EnrollmentIT.CA_URL + "/api/v1/nonces"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":\"attested\"}"))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
