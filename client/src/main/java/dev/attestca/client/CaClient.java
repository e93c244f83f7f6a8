package dev.attestca.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A client of the CA's REST API (version 1). Thread-safe.
 *
 * <p>Refusals come back as {@link CaRefusedException} with the CA's reason code and sentence.
 */
public final class CaClient {

  /** A nonce handed out by the CA. */
  public record Nonce(String nonce, String profile, String expiresAt) {
    /** The nonce octets, as the card puts them into the attestation. */
    public byte[] octets() {
      return Base64.getUrlDecoder().decode(nonce);
    }
  }

  /** An issued certificate and the chain above it, PEM. */
  public record Issued(
      String requestId,
      String serialNumber,
      String subject,
      String issuer,
      String notBefore,
      String notAfter,
      String profile,
      String attestationFormat,
      String certificate,
      List<String> certificateChain) {}

  /** A stored certificate as the CA lists it. */
  public record Stored(
      String serialNumber,
      String subject,
      String issuer,
      String profile,
      String notBefore,
      String notAfter,
      String spkiSha256,
      String attestationSignerSha256,
      String certificate) {}

  /** An RFC 9457 problem body. */
  public record Problem(
      String type, String title, int status, String detail, String reason, String requestId) {}

  /** The body of a nonce request. */
  public record NonceRequest(String profile) {}

  /** The body of an enrollment. */
  public record EnrollRequest(String profile, String csr, String attestation) {}

  private static final Jsonb JSON =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false));

  private final URI api;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * A client that calls anonymously.
   *
   * @param baseUrl the CA's base URL, e.g. {@code http://localhost:8080/attestca}
   */
  public CaClient(URI baseUrl) {
    this(baseUrl, null, null);
  }

  /**
   * A client that authenticates with HTTP Basic (RFC 7617) as {@code user}; send it over TLS
   * outside development.
   *
   * @param user the user name, or null to call anonymously
   * @param password the password; ignored when {@code user} is null
   */
  public CaClient(URI baseUrl, String user, char[] password) {
    String base = baseUrl.toString();
    this.api = URI.create(base.endsWith("/") ? base + "api/v1/" : base + "/api/v1/");
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (user + ":" + new String(password))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Asks for a fresh single-use nonce for {@code profile}. */
  public Nonce newNonce(String profile) throws IOException, CaRefusedException {
    return post("nonces", new NonceRequest(profile), Nonce.class);
  }

  /**
   * Enrolls a CSR.
   *
   * @param csrPem the request, PEM
   * @param detachedAttestation an attestation sent beside the CSR, or null
   */
  public Issued enroll(String profile, String csrPem, byte[] detachedAttestation)
      throws IOException, CaRefusedException {
    String attestation =
        detachedAttestation == null
            ? null
            : Base64.getEncoder().encodeToString(detachedAttestation);
    return post("certificates", new EnrollRequest(profile, csrPem, attestation), Issued.class);
  }

  /** The certificates the CA stored for a key (lower-case hex SHA-256 of its SPKI). */
  public List<Stored> certificatesForKey(String spkiSha256) throws IOException, CaRefusedException {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(api.resolve("certificates?spki_sha256=" + spkiSha256)).GET());
    return List.of(JSON.fromJson(response.body(), Stored[].class));
  }

  /** The CA certificate, PEM. */
  public String caCertificatePem() throws IOException, CaRefusedException {
    return send(HttpRequest.newBuilder(api.resolve("ca/certificate"))
            .header("Accept", "application/pem-certificate-chain")
            .GET())
        .body();
  }

  private <T> T post(String path, Object body, Class<T> type)
      throws IOException, CaRefusedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body))));
    return JSON.fromJson(response.body(), type);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, CaRefusedException {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the CA", e);
    }
    if (response.statusCode() >= 400) {
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      Problem problem =
          contentType.contains("json")
              ? JSON.fromJson(response.body(), Problem.class)
              : new Problem(
                  null,
                  null,
                  response.statusCode(),
                  "the server answered without a problem document"
                      + (contentType.isEmpty() ? "" : " (" + contentType + ")")
                      + "; is "
                      + response.uri()
                      + " an AttestCA API?",
                  null,
                  null);
      throw new CaRefusedException(response.statusCode(), problem);
    }
    return response;
  }
}
