package dev.attestca.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Talks to the CA the way an EJBCA REST client does: JSON with EJBCA's snake_case fields to {@code
 * /ejbca/ejbca-rest-api/v1/certificate/...}, the issuer DN and hex serial in the path.
 */
final class EjbcaRestClient {

  static final URI BASE =
      URI.create(
          "http://localhost:"
              + System.getProperty("attestca.http.port", "8080")
              + "/ejbca/ejbca-rest-api/v1/certificate/");

  /** An HTTP answer: status and JSON body. */
  record Answer(int status, String contentType, JsonObject body, String wwwAuthenticate) {}

  private final HttpClient http = HttpClient.newHttpClient();

  /** POST pkcs10enroll with the JSON body {@code json}, anonymously. */
  Answer enroll(String json) throws Exception {
    return enroll(json, null, null);
  }

  /** POST pkcs10enroll; with HTTP Basic credentials when {@code user} is not null. */
  Answer enroll(String json, String user, String password) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(BASE.resolve("pkcs10enroll"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(Http.basic(request, user, password).build());
  }

  /** POST pkcs10enroll with a body of any media type, anonymously. */
  Answer enrollAs(String contentType, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(BASE.resolve("pkcs10enroll"))
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  Answer status(String issuerDn, String serialHex) throws Exception {
    return send(
        HttpRequest.newBuilder(BASE.resolve(path(issuerDn, serialHex) + "/revocationstatus"))
            .header("Accept", "application/json")
            .GET()
            .build());
  }

  /** PUT revoke?reason=...; with HTTP Basic credentials when {@code user} is not null. */
  Answer revoke(String issuerDn, String serialHex, String reason, String user, String password)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(BASE.resolve(path(issuerDn, serialHex) + "/revoke?reason=" + reason))
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.noBody());
    return send(Http.basic(request, user, password).build());
  }

  private Answer send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    JsonObject json =
        body == null || !body.strip().startsWith("{")
            ? null
            : Json.createReader(new StringReader(body)).readObject();
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        json,
        response.headers().firstValue("WWW-Authenticate").orElse(null));
  }

  private static String path(String issuerDn, String serialHex) {
    return URLEncoder.encode(issuerDn, StandardCharsets.UTF_8).replace("+", "%20")
        + "/"
        + serialHex;
  }

  /** A JSON string literal. */
  static String quoted(String text) {
    return Json.createValue(text).toString();
  }
}
