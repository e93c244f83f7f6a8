package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.client.AttestationPki;
import dev.attestca.client.CaClient;
import dev.attestca.client.CaRefusedException;
import dev.attestca.client.CardCsr;
import dev.attestca.client.Pem;
import dev.attestca.host.AttestCard;
import java.io.File;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch attestation key leaks: the CA admin distrusts its attestation certificate, new requests
 * attested by it are refused, and one bulk revocation puts every certificate issued on its strength
 * on the next CRL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DistrustIT {

  private final CaClient ca = new CaClient(EnrollmentIT.CA_URL);
  private final Http caAdmin = Http.as("ca-admin");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  /** A fresh Attestation CA in the trust store and a profile that trusts only it. */
  private String profileTrusting(AttestationPki pki) throws Exception {
    Api.AttestationCa added =
        Http.expect(
            201,
            caAdmin.post(
                "admin/attestation-cas",
                new Api.NewAttestationCa(
                    Pem.encode("CERTIFICATE", pki.caCertificate().getEncoded()),
                    Pem.encode("X509 CRL", pki.caCrl().getEncoded()))),
            Api.AttestationCa.class);
    String name = "batch-" + UUID.randomUUID();
    Http.expect(
        201,
        Http.as("policy-admin")
            .post("admin/profiles", Api.Profile.named(name, true, List.of(added.sha256()), true)),
        Api.Profile.class);
    return name;
  }

  private CaClient.Issued enroll(String profile, AttestCard card, int slot) throws Exception {
    ECPublicKey key = card.generateKey(slot);
    byte[] cms = card.attestCms(slot, ca.newNonce(profile).octets());
    return ca.enroll(
        profile, Cards.csr(card, slot, key, CardCsr.attestationBundle(cms, List.of())), null);
  }

  @Test
  void distrustRefusesNewRequestsAndBulkRevocationPutsIssuedCertificatesOnTheCrl()
      throws Exception {
    AttestationPki leaked =
        AttestationPki.generate(
            "CN=Batch Attestation CA " + UUID.randomUUID() + ",O=AttestCA tests",
            "CN=Leaked applet build attestation key");
    String profile = profileTrusting(leaked);
    AttestCard card = Cards.personalised(leaked);
    CaClient.Issued first = enroll(profile, card, 1);
    CaClient.Issued second = enroll(profile, card, 2);
    String sha256 = sha256(leaked.attestationCertificate());

    Api.AttestationCertificate seen =
        Http.expect(
            200,
            caAdmin.get("admin/attestation-certificates/" + sha256),
            Api.AttestationCertificate.class);
    assertEquals(2, seen.issuedCount());
    assertEquals("TRUSTED", seen.status());
    assertNotNull(seen.firstSeen());

    Api.Problem withoutReason = Http.expect(400, distrust(sha256, null), Api.Problem.class);
    assertEquals("PARAMETER_INVALID", withoutReason.reason());
    Api.AttestationCertificate distrusted =
        Http.expect(200, distrust(sha256, "batch key published"), Api.AttestationCertificate.class);
    assertEquals("DISTRUSTED", distrusted.status());
    assertEquals("ca-admin", distrusted.statusChangedBy());
    Api.Problem distrustedAgain =
        Http.expect(409, distrust(sha256, "second thoughts"), Api.Problem.class);
    assertEquals("ATTESTATION_CERTIFICATE_ALREADY_DISTRUSTED", distrustedAgain.reason());

    CaRefusedException refused =
        assertThrows(CaRefusedException.class, () -> enroll(profile, card, 3));
    assertEquals("ATTESTATION_CERTIFICATE_DISTRUSTED", refused.reason());
    assertEquals(403, refused.status());

    Api.Certificate[] issuedOnIt =
        Http.expect(
            200,
            caAdmin.get("admin/attestation-certificates/" + sha256 + "/issued-certificates"),
            Api.Certificate[].class);
    assertEquals(
        Set.of(first.serialNumber(), second.serialNumber()),
        Set.of(issuedOnIt).stream().map(Api.Certificate::serialNumber).collect(Collectors.toSet()));

    long numberBefore = crlNumber(crl());
    Api.BulkRevocation bulk =
        Http.expect(
            200,
            caAdmin.post(
                "admin/attestation-certificates/" + sha256 + "/revoke-issued",
                new Api.Reason("keyCompromise")),
            Api.BulkRevocation.class);
    assertEquals(2, bulk.revoked().size());

    X509CRL crl = crl();
    crl.verify(Cards.certificate(ca.caCertificatePem()).getPublicKey());
    assertTrue(crlNumber(crl) > numberBefore, "CRL number grows");
    for (CaClient.Issued issued : List.of(first, second)) {
      X509CRLEntry entry = crl.getRevokedCertificate(new BigInteger(issued.serialNumber(), 16));
      assertNotNull(entry, issued.serialNumber() + " is on the CRL");
      assertEquals("KEY_COMPROMISE", entry.getRevocationReason().name());
      Api.Certificate status =
          Http.expect(
              200,
              Http.anonymous().get("certificates/00" + issued.serialNumber().toUpperCase()),
              Api.Certificate.class);
      assertEquals("revoked", status.status());
      assertEquals("keyCompromise", status.revocationReason());
    }
    Api.BulkRevocation again =
        Http.expect(
            200,
            caAdmin.post(
                "admin/attestation-certificates/" + sha256 + "/revoke-issued",
                new Api.Reason("keyCompromise")),
            Api.BulkRevocation.class);
    assertEquals(0, again.revoked().size(), "nothing left to revoke");
  }

  @Test
  void revokeBySerialWithAnRfc5280Reason() throws Exception {
    AttestationPki pki =
        AttestationPki.generate(
            "CN=Serial test Attestation CA " + UUID.randomUUID() + ",O=AttestCA tests",
            "CN=Serial test attestation key");
    String profile = profileTrusting(pki);
    CaClient.Issued issued = enroll(profile, Cards.personalised(pki), 1);
    String path = "admin/certificates/" + issued.serialNumber() + "/revoke";

    Api.Problem badReason =
        Http.expect(400, caAdmin.post(path, new Api.Reason("lostIt")), Api.Problem.class);
    Api.CertificateStatus revoked =
        Http.expect(
            200, caAdmin.post(path, new Api.Reason("superseded")), Api.CertificateStatus.class);
    Api.Problem twice =
        Http.expect(409, caAdmin.post(path, new Api.Reason("keyCompromise")), Api.Problem.class);
    Api.Problem unknown =
        Http.expect(
            404,
            caAdmin.post("admin/certificates/0badc0de/revoke", new Api.Reason("superseded")),
            Api.Problem.class);

    assertEquals("REVOCATION_REASON_INVALID", badReason.reason());
    assertEquals("revoked", revoked.status());
    assertEquals("superseded", revoked.revocationReason());
    assertEquals("CERTIFICATE_ALREADY_REVOKED", twice.reason());
    assertEquals("CERTIFICATE_UNKNOWN", unknown.reason());
    X509CRLEntry entry = crl().getRevokedCertificate(new BigInteger(issued.serialNumber(), 16));
    assertEquals("SUPERSEDED", entry.getRevocationReason().name());
  }

  @Test
  void crlIsServedAsDerToAnyone() throws Exception {
    var response = Http.anonymous().getBytes("ca/crl");

    assertEquals(200, response.statusCode());
    assertEquals("application/pkix-crl", response.headers().firstValue("Content-Type").orElse(""));
    X509CRL crl = Certificates.crl(response.body());
    crl.verify(Cards.certificate(ca.caCertificatePem()).getPublicKey());
    assertNotNull(crl.getNextUpdate());
  }

  private static X509CRL crl() throws Exception {
    var response = Http.anonymous().getBytes("ca/crl");
    assertEquals(200, response.statusCode());
    return Certificates.crl(response.body());
  }

  private static long crlNumber(X509CRL crl) throws Exception {
    byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
    return ASN1Integer.getInstance(ASN1OctetString.getInstance(value).getOctets()).longValueExact();
  }

  private static String sha256(X509Certificate certificate) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
  }

  private java.net.http.HttpResponse<String> distrust(String sha256, String reason)
      throws Exception {
    return caAdmin.post(
        "admin/attestation-certificates/" + sha256 + "/distrust", new Api.Reason(reason));
  }
}
