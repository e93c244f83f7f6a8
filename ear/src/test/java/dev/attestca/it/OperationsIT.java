package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's tooling reads: readiness (which fails while the database is unavailable) and
 * liveness, and the API description.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

  static final String MANAGEMENT =
      "http://localhost:" + System.getProperty("attestca.management.port", "9990");
  static final String HTTP = "http://localhost:" + System.getProperty("attestca.http.port", "8080");

  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  @Test
  void readinessReportsTheDatabaseAndTheCaKeyUp() throws Exception {
    HttpResponse<String> ready = get(MANAGEMENT + "/health/ready");

    assertEquals(200, ready.statusCode(), ready.body());
    Map<String, String> checks = checks(ready.body());
    assertEquals("UP", checks.get("attestca-database"), checks.toString());
    assertEquals("UP", checks.get("attestca-ca-key"), checks.toString());
  }

  @Test
  void readinessFailsWhileTheDatabaseRefusesConnections() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("attestca.it.database")),
        "the PostgreSQL server can be told to refuse connections to the CA's database");
    String database = System.getProperty("attestca.it.postgresql.database");
    Properties credentials = new Properties();
    credentials.setProperty("user", System.getProperty("attestca.it.jdbc.user"));
    try (Connection maintenance =
            DriverManager.getConnection(
                System.getProperty("attestca.it.jdbc.maintenance.url"), credentials);
        Statement sql = maintenance.createStatement()) {
      try {
        sql.execute("alter database " + database + " with allow_connections false");
        sql.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + database
                + "'");

        HttpResponse<String> ready = get(MANAGEMENT + "/health/ready");

        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", checks(ready.body()).get("attestca-database"), ready.body());
        assertEquals("UP", checks(ready.body()).get("attestca-ca-key"), ready.body());
      } finally {
        sql.execute("alter database " + database + " with allow_connections true");
      }
    }
    assertEquals(200, get(MANAGEMENT + "/health/ready").statusCode(), "ready again");
  }

  @Test
  void livenessReportsTheApplicationUp() throws Exception {
    HttpResponse<String> live = get(MANAGEMENT + "/health/live");

    assertEquals(200, live.statusCode(), live.body());
    assertEquals("UP", checks(live.body()).get("attestca"));
  }

  @Test
  void servedOpenApiDocumentNamesPathsThatAnswer() throws Exception {
    HttpResponse<String> openapi = get(HTTP + "/openapi?format=JSON");
    assertEquals(200, openapi.statusCode());
    JsonObject document = Json.createReader(new StringReader(openapi.body())).readObject();

    assertEquals("AttestCA REST API", document.getJsonObject("info").getString("title"));
    assertTrue(
        document.getJsonObject("paths").keySet().stream()
            .allMatch(path -> path.startsWith("/attestca/api/v1/")),
        document.getJsonObject("paths").keySet().toString());
    assertTrue(
        !document.containsKey("servers")
            || document.getJsonArray("servers").stream()
                .map(server -> server.asJsonObject().getString("url"))
                .allMatch(url -> url.equals("/") || url.isEmpty()),
        String.valueOf(document.get("servers")));
    JsonObject caCertificate =
        document.getJsonObject("paths").getJsonObject("/attestca/api/v1/ca/certificate");
    assertEquals("caCertificate", caCertificate.getJsonObject("get").getString("operationId"));
    assertEquals(200, get(HTTP + "/attestca/api/v1/ca/certificate").statusCode());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> checks(String health) {
    JsonObject document = Json.createReader(new StringReader(health)).readObject();
    return document.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .collect(
            Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
  }
}
