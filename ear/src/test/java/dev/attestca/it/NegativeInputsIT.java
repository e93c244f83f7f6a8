package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.client.AttestationPki;
import dev.attestca.client.CaClient;
import dev.attestca.client.CardCsr;
import dev.attestca.host.AttestCard;
import dev.attestca.verifier.NegativeSuite;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and broken input over HTTP: the gate answers each with a 4xx, a reason code and a
 * sentence, stores no certificate, and never answers 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NegativeInputsIT {

  private final HttpClient http = HttpClient.newHttpClient();
  private final CaClient ca = new CaClient(EnrollmentIT.CA_URL);
  private final URI api = URI.create(EnrollmentIT.CA_URL + "/api/v1/");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  @Test
  void everyInputOfTheVerifiersNegativeSuiteIsRefusedWithoutA500AndAudited() throws Exception {
    Instant start = Instant.now().minusSeconds(1);
    List<NegativeSuite.Input> inputs = NegativeSuite.inputs();
    List<String> failures = new ArrayList<>();
    Map<String, String> reasonByRequest = new LinkedHashMap<>();
    for (NegativeSuite.Input input : inputs) {
      JsonObject body =
          enroll(
              EnrollmentIT.ATTESTED,
              Base64.getEncoder().encodeToString(input.csr()),
              input.detachedAttestation() == null
                  ? null
                  : Base64.getEncoder().encodeToString(input.detachedAttestation()));
      int status = body.getInt("status");
      if (status < 400 || status >= 500 || !body.containsKey("reason")) {
        failures.add(input.name() + ": HTTP " + status + " " + body);
      } else if (storedForCsrKey(input.csr()) > 0) {
        failures.add(input.name() + ": a certificate was stored");
      } else {
        reasonByRequest.put(body.getString("request_id"), body.getString("reason"));
      }
    }
    Map<String, Api.AuditEntry> audited = enrollmentAuditSince(start);
    reasonByRequest.forEach(
        (requestId, reason) -> {
          Api.AuditEntry entry = audited.get(requestId);
          if (entry == null
              || !entry.verdict().equals("REJECTED")
              || !reason.equals(entry.reasonCode())) {
            failures.add("request " + requestId + " refused with " + reason + ", audited " + entry);
          }
        });
    assertTrue(inputs.size() >= 60, "negative suite has " + inputs.size() + " inputs");
    assertEquals(List.of(), failures);
  }

  /** The enrollment decisions on the attested profile recorded since {@code start}, by request. */
  private static Map<String, Api.AuditEntry> enrollmentAuditSince(Instant start) throws Exception {
    Http auditor = Http.as("auditor");
    Map<String, Api.AuditEntry> entries = new HashMap<>();
    long afterSeq = 0;
    while (true) {
      Api.AuditEntry[] page =
          Http.expect(
              200,
              auditor.get(
                  "admin/audit?kind=ENROLLMENT&profile="
                      + EnrollmentIT.ATTESTED
                      + "&from="
                      + start
                      + "&after_seq="
                      + afterSeq
                      + "&limit=500"),
              Api.AuditEntry[].class);
      if (page.length == 0) {
        return entries;
      }
      for (Api.AuditEntry entry : page) {
        entries.put(entry.requestId(), entry);
        afterSeq = entry.seq();
      }
    }
  }

  @Test
  void bodyThatIsNotJsonIsRefusedAsMalformed() throws Exception {
    assertProblem(post("certificates", "{not json"), 400, "REQUEST_MALFORMED");
    assertProblem(post("certificates", "[1, 2]"), 400, "REQUEST_MALFORMED");
    assertProblem(post("certificates", "{\"csr\": {\"x\": 1}}"), 400, "REQUEST_MALFORMED");
    assertProblem(post("certificates", ""), 400, "REQUEST_MALFORMED");
  }

  @Test
  void missingOrUndecodableFieldsAreNamed() throws Exception {
    assertProblem(enroll(EnrollmentIT.ATTESTED, null, null), 400, "REQUEST_MALFORMED");
    assertProblem(enroll(EnrollmentIT.ATTESTED, "not base64 !", null), 400, "CSR_MALFORMED");
    assertProblem(enroll(EnrollmentIT.ATTESTED, "AAAA", null), 400, "CSR_MALFORMED");
    assertProblem(enroll(EnrollmentIT.ATTESTED, "MIIB", "%%%"), 400, "ATTESTATION_MALFORMED");
  }

  @Test
  void anonymousCallerOnAProfileThatNeedsCredentialsIsToldSoBeforeTheCsrIsDecoded()
      throws Exception {
    assertProblem(enroll(EnrollmentIT.OPEN, "not base64 !", null), 401, "AUTHENTICATION_REQUIRED");
  }

  @Test
  void unknownProfileIsRefusedForNoncesAndEnrollment() throws Exception {
    assertProblem(post("nonces", "{\"profile\": \"no-such-profile\"}"), 400, "PROFILE_UNKNOWN");
    assertProblem(enroll("no-such-profile", "MIIB", null), 400, "PROFILE_UNKNOWN");
    assertProblem(enroll(null, "MIIB", null), 400, "PROFILE_UNKNOWN");
  }

  @Test
  void unknownSerialIsNotFound() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve("certificates/0badc0ffee")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(json(response), 404, "CERTIFICATE_UNKNOWN");
  }

  @Test
  void serialThatIsNotHexIsRefused() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve("certificates/not-a-serial")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(json(response), 400, "PARAMETER_INVALID");
  }

  @Test
  void keyFingerprintThatIsNotSha256HexIsRefused() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve("certificates?spki_sha256=xyz")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(json(response), 400, "PARAMETER_INVALID");
  }

  @Test
  void csrOverTheSizeLimitIsRefusedBeforeParsing() throws Exception {
    byte[] huge = new byte[70 * 1024];
    assertProblem(
        enroll(EnrollmentIT.ATTESTED, Base64.getEncoder().encodeToString(huge), null),
        413,
        "CSR_TOO_LARGE");
  }

  @Test
  void bodyOverTheSizeLimitIsRefusedBeforeJsonParsing() throws Exception {
    String padding = "A".repeat(200 * 1024);
    assertProblem(
        post("certificates", "{\"profile\": \"open\", \"csr\": \"" + padding + "\"}"),
        413,
        "CSR_TOO_LARGE");
  }

  @Test
  void nonceIssuedForAnotherProfileIsRefused() throws Exception {
    AttestCard card = Cards.personalised(AttestationPki.development());
    ECPublicKey key = card.generateKey(1);
    CaClient enroller =
        new CaClient(EnrollmentIT.CA_URL, "enroller", Http.DEV_USERS.get("enroller").toCharArray());
    byte[] cms = card.attestCms(1, enroller.newNonce(EnrollmentIT.OPEN).octets());
    String csr = Cards.csr(card, 1, key, CardCsr.attestationBundle(cms, List.of()));

    assertProblem(enroll(EnrollmentIT.ATTESTED, csr, null), 400, "NONCE_UNKNOWN");
    assertEquals(0, ca.certificatesForKey(Cards.spkiSha256(key)).size());
  }

  @Test
  void oneNonceRacedByConcurrentRequestsYieldsExactlyOneCertificate() throws Exception {
    AttestCard card = Cards.personalised(AttestationPki.development());
    for (int round = 0; round < 5; round++) {
      ECPublicKey key = card.generateKey(1);
      byte[] cms = card.attestCms(1, ca.newNonce(EnrollmentIT.ATTESTED).octets());
      String csr = Cards.csr(card, 1, key, CardCsr.attestationBundle(cms, List.of()));

      List<CompletableFuture<JsonObject>> racers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        racers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return enroll(EnrollmentIT.ATTESTED, csr, null);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
      long issued = 0;
      for (CompletableFuture<JsonObject> racer : racers) {
        JsonObject answer = racer.join();
        if (answer.containsKey("serial_number")) {
          issued++;
        } else {
          assertEquals("NONCE_REUSED", answer.getString("reason"), answer.toString());
        }
      }
      assertEquals(1, issued, "round " + round);
      assertEquals(1, ca.certificatesForKey(Cards.spkiSha256(key)).size(), "round " + round);
    }
  }

  private JsonObject enroll(String profile, String csr, String attestation) throws Exception {
    var body = Json.createObjectBuilder();
    if (profile != null) {
      body.add("profile", profile);
    }
    if (csr != null) {
      body.add("csr", csr);
    }
    if (attestation != null) {
      body.add("attestation", attestation);
    }
    return json(post("certificates", body.build().toString()));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(api.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON answer, with the HTTP status put in as {@code status} when the body lacks it. */
  private static JsonObject json(HttpResponse<String> response) {
    JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
    return Json.createObjectBuilder(body).add("status", response.statusCode()).build();
  }

  private static void assertProblem(HttpResponse<String> response, int status, String reason) {
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
    assertProblem(json(response), status, reason);
  }

  private static void assertProblem(JsonObject problem, int status, String reason) {
    assertEquals(status, problem.getInt("status"), problem.toString());
    assertEquals(reason, problem.getString("reason"), problem.toString());
    assertTrue(problem.getString("detail").length() > 10, problem.toString());
  }

  private int storedForCsrKey(byte[] csr) throws Exception {
    byte[] spki;
    try {
      spki = new PKCS10CertificationRequest(csr).getSubjectPublicKeyInfo().getEncoded();
    } catch (Exception notACsr) {
      return 0;
    }
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki));
    return ca.certificatesForKey(hash).size();
  }
}
