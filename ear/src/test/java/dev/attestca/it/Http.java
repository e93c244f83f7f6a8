package dev.attestca.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Plain HTTP calls to the CA's API as one development user (or anonymously), for the admin
 * endpoints the enrollment client does not cover. JSON with the API's snake_case names.
 */
final class Http {

  /** The development users wildfly-setup.cli creates, by name, with their passwords. */
  static final Map<String, String> DEV_USERS =
      Map.of(
          "policy-admin", "policy-admin-dev",
          "ca-admin", "ca-admin-dev",
          "auditor", "auditor-dev",
          "enroller", "enroller-dev",
          "nobody", "nobody-dev");

  static final Jsonb JSON =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false));

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String user;
  private final String password;

  private Http(String user, String password) {
    this.user = user;
    this.password = password;
  }

  static Http anonymous() {
    return new Http(null, null);
  }

  static Http as(String user) {
    return new Http(user, DEV_USERS.get(user));
  }

  static Http withPassword(String user, String password) {
    return new Http(user, password);
  }

  static URI api(String path) {
    return URI.create(EnrollmentIT.CA_URL + "/api/v1/" + path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(api(path)).GET());
  }

  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return CLIENT.send(
        authorized(HttpRequest.newBuilder(api(path)).GET()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, Object body) throws Exception {
    return send(jsonType(HttpRequest.newBuilder(api(path))).POST(json(body)));
  }

  HttpResponse<String> put(String path, Object body) throws Exception {
    return send(jsonType(HttpRequest.newBuilder(api(path))).PUT(json(body)));
  }

  HttpResponse<String> delete(String path) throws Exception {
    return send(HttpRequest.newBuilder(api(path)).DELETE());
  }

  HttpResponse<String> send(String method, String path, Object body) throws Exception {
    return send(
        jsonType(HttpRequest.newBuilder(api(path)))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : json(body)));
  }

  /** The body of a response that must have {@code status}, parsed as {@code type}. */
  static <T> T expect(int status, HttpResponse<String> response, Class<T> type) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "expected HTTP " + status + ", got " + response.statusCode() + ": " + response.body());
    }
    return JSON.fromJson(response.body(), type);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(
        authorized(request.header("Accept", "application/json")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return basic(request.timeout(Duration.ofSeconds(60)), user, password);
  }

  /** Adds HTTP Basic credentials to {@code request} when {@code user} is not null. */
  static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      String credentials = user + ":" + password;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    return HttpRequest.BodyPublishers.ofString(JSON.toJson(body));
  }

  private static HttpRequest.Builder jsonType(HttpRequest.Builder request) {
    return request.header("Content-Type", "application/json");
  }
}
