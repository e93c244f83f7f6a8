package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.client.AttestationPki;
import dev.attestca.client.CaClient;
import dev.attestca.client.CaRefusedException;
import dev.attestca.client.CardCsr;
import dev.attestca.host.AttestCard;
import dev.attestca.it.tamper.AuditTamperServlet;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail: every enrollment decision is recorded with its facts, auditors can query it, and
 * its hash chain names the row someone changed behind the application's back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditChainIT {

  private static final URI TAMPER =
      URI.create(
          "http://localhost:"
              + System.getProperty("attestca.http.port", "8080")
              + "/audit-tamper/audit-row");

  private final CaClient ca = new CaClient(EnrollmentIT.CA_URL);
  private final Http auditor = Http.as("auditor");

  @Deployment(name = "ear", testable = false, order = 1)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  /** A test fixture beside the EAR with write access to the database (see the servlet). */
  @Deployment(name = "tamper", testable = false, order = 2)
  static WebArchive tamper() {
    return ShrinkWrap.create(WebArchive.class, "audit-tamper.war")
        .addClass(AuditTamperServlet.class);
  }

  @Test
  void everyDecisionIsRecordedAndQueryable() throws Exception {
    Instant from = Instant.now().minusSeconds(1);
    AttestationPki pki = AttestationPki.development();
    AttestCard card = Cards.personalised(pki);
    ECPublicKey key = card.generateKey(1);
    byte[] cms = card.attestCms(1, ca.newNonce("attested").octets());
    CaClient.Issued issued =
        ca.enroll(
            "attested", Cards.csr(card, 1, key, CardCsr.attestationBundle(cms, List.of())), null);
    CaRefusedException refused =
        assertThrows(
            CaRefusedException.class,
            () -> ca.enroll("attested", Cards.csr(card, 1, key, null), null));

    Api.AuditEntry[] entries =
        Http.expect(
            200,
            auditor.get("admin/audit?profile=attested&kind=ENROLLMENT&from=" + from),
            Api.AuditEntry[].class);
    Api.AuditEntry issuedEntry = find(entries, issued.requestId());
    Api.AuditEntry refusedEntry = find(entries, refused.problem().requestId());

    assertEquals("ISSUED", issuedEntry.verdict());
    assertEquals(issued.serialNumber(), issuedEntry.issuedSerial());
    assertEquals("attestca-cms", issuedEntry.attestationFormat());
    assertEquals(64, issuedEntry.attestationCertificateSha256().length());
    assertEquals("REJECTED", refusedEntry.verdict());
    assertEquals("ATTESTATION_MISSING", refusedEntry.reasonCode());
    assertTrue(refusedEntry.seq() > issuedEntry.seq());
    assertEquals(issuedEntry.recordHash(), refusedEntry.previousHash());

    Api.AuditEntry[] byCertificate =
        Http.expect(
            200,
            auditor.get(
                "admin/audit?verdict=issued&attestation_certificate="
                    + issuedEntry.attestationCertificateSha256()
                    + "&from="
                    + from),
            Api.AuditEntry[].class);
    assertEquals(issued.requestId(), find(byCertificate, issued.requestId()).requestId());
    assertTrue(Arrays.stream(byCertificate).allMatch(e -> e.verdict().equals("ISSUED")));
    Api.Problem badTime =
        Http.expect(400, auditor.get("admin/audit?from=yesterday"), Api.Problem.class);
    assertEquals("PARAMETER_INVALID", badTime.reason());
    assertTrue(badTime.detail().contains("'yesterday'"), badTime.detail());
    Api.Problem badLimit =
        Http.expect(400, auditor.get("admin/audit?limit=ten"), Api.Problem.class);
    assertEquals("PARAMETER_INVALID", badLimit.reason());
    assertTrue(badLimit.detail().startsWith("limit must be a whole number"), badLimit.detail());
  }

  @Test
  void tamperingWithOneRowMakesTheVerificationNameThatRow() throws Exception {
    Instant from = Instant.now().minusSeconds(1);
    CaRefusedException refused =
        assertThrows(
            CaRefusedException.class, () -> ca.enroll("no-such-profile", "not a csr", null));
    Api.AuditEntry entry =
        find(
            Http.expect(
                200,
                auditor.get("admin/audit?profile=no-such-profile&from=" + from),
                Api.AuditEntry[].class),
            refused.problem().requestId());
    assertTrue(verification().intact(), "chain intact before tampering");

    String original = tamper(entry.seq(), "nothing to see here");
    try {
      Api.ChainVerification broken = verification();
      assertFalse(broken.intact());
      assertEquals(entry.seq(), broken.firstBrokenSeq());
      assertNotNull(broken.firstBrokenId());
      assertTrue(broken.problem().contains("altered"), broken.problem());
    } finally {
      tamper(entry.seq(), original);
    }
    assertTrue(verification().intact(), "chain intact once the row is restored");
  }

  private Api.ChainVerification verification() throws Exception {
    return Http.expect(200, auditor.get("admin/audit/verification"), Api.ChainVerification.class);
  }

  private static String tamper(long seq, String detail) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(TAMPER)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "seq="
                                + seq
                                + "&detail="
                                + URLEncoder.encode(detail, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static Api.AuditEntry find(Api.AuditEntry[] entries, String requestId) {
    return Arrays.stream(entries)
        .filter(e -> requestId.equals(e.requestId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no audit entry for request " + requestId));
  }
}
