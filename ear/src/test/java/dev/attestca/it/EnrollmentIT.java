package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.client.AttestationPki;
import dev.attestca.client.CaClient;
import dev.attestca.client.CaRefusedException;
import dev.attestca.client.CardCsr;
import dev.attestca.host.AttestCard;
import java.io.File;
import java.net.URI;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The product end to end: the real applet in jcardsim generates, signs and attests keys; the EAR
 * deployed in the provisioned WildFly decides over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnrollmentIT {

  static final URI CA_URL =
      URI.create(
          "http://localhost:" + System.getProperty("attestca.http.port", "8080") + "/attestca");
  static final String ATTESTED = "attested";
  static final String OPEN = "open";

  private static AttestationPki developmentPki;

  private final CaClient ca = new CaClient(CA_URL);
  private final CaClient enroller =
      new CaClient(CA_URL, "enroller", Http.DEV_USERS.get("enroller").toCharArray());

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  @BeforeAll
  static void loadDevelopmentPki() throws Exception {
    developmentPki = AttestationPki.development();
  }

  @Test
  void attestedKeyGetsCertificateWithExactlyTheCardKey() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(1);
    byte[] cms = card.attestCms(1, ca.newNonce(ATTESTED).octets());

    CaClient.Issued issued =
        ca.enroll(
            ATTESTED, Cards.csr(card, 1, key, CardCsr.attestationBundle(cms, List.of())), null);

    X509Certificate certificate = Cards.certificate(issued.certificate());
    X509Certificate caCertificate = Cards.certificate(ca.caCertificatePem());
    certificate.verify(caCertificate.getPublicKey());
    assertArrayEquals(key.getEncoded(), certificate.getPublicKey().getEncoded());
    assertEquals(caCertificate, Cards.certificate(issued.certificateChain().get(0)));
    assertEquals(certificate.getSerialNumber().toString(16), issued.serialNumber());
    assertTrue(certificate.getSerialNumber().bitLength() >= 64, "serial has at least 64 bits");
    assertEquals("attestca-cms", issued.attestationFormat());
    List<CaClient.Stored> stored = ca.certificatesForKey(Cards.spkiSha256(key));
    assertEquals(1, stored.size());
    assertEquals(issued.serialNumber(), stored.get(0).serialNumber());
  }

  @Test
  void attestationSentBesideTheCsrIsAccepted() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(3);
    byte[] cms = card.attestCms(3, ca.newNonce(ATTESTED).octets());

    CaClient.Issued issued = ca.enroll(ATTESTED, Cards.csr(card, 3, key, null), cms);

    assertArrayEquals(
        key.getEncoded(), Cards.certificate(issued.certificate()).getPublicKey().getEncoded());
  }

  @Test
  void attestationOfAnotherSlotIsRefused() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    card.generateKey(1);
    ECPublicKey slot2 = card.generateKey(2);
    byte[] cmsForSlot1 = card.attestCms(1, ca.newNonce(ATTESTED).octets());

    assertRefused(
        "ATTESTATION_KEY_MISMATCH",
        slot2,
        () ->
            ca.enroll(
                ATTESTED,
                Cards.csr(card, 2, slot2, CardCsr.attestationBundle(cmsForSlot1, List.of())),
                null));
  }

  @Test
  void cardOfAnUntrustedAttestationCaIsRefused() throws Exception {
    AttestationPki rogue =
        AttestationPki.generate(
            "CN=Rogue Attestation CA,O=Not trusted", "CN=Rogue applet attestation key");
    AttestCard card = Cards.personalised(rogue);
    ECPublicKey key = card.generateKey(1);
    byte[] cms = card.attestCms(1, ca.newNonce(ATTESTED).octets());

    assertRefused(
        "ATTESTATION_CHAIN_UNTRUSTED",
        key,
        () ->
            ca.enroll(
                ATTESTED,
                Cards.csr(
                    card, 1, key, CardCsr.attestationBundle(cms, List.of(rogue.caCertificate()))),
                null));
  }

  @Test
  void nonceIsRefusedTheSecondTime() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey first = card.generateKey(1);
    ECPublicKey second = card.generateKey(2);
    byte[] nonce = ca.newNonce(ATTESTED).octets();
    byte[] firstCms = card.attestCms(1, nonce);
    byte[] secondCms = card.attestCms(2, nonce);
    ca.enroll(
        ATTESTED, Cards.csr(card, 1, first, CardCsr.attestationBundle(firstCms, List.of())), null);

    assertRefused(
        "NONCE_REUSED",
        second,
        () ->
            ca.enroll(
                ATTESTED,
                Cards.csr(card, 2, second, CardCsr.attestationBundle(secondCms, List.of())),
                null));
  }

  @Test
  void csrWithoutAttestationIsRefusedOnTheAttestedProfile() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(4);

    assertRefused(
        "ATTESTATION_MISSING", key, () -> ca.enroll(ATTESTED, Cards.csr(card, 4, key, null), null));
  }

  @Test
  void csrWithoutAttestationIsAcceptedOnTheOpenProfileFromAnEnroller() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(4);

    CaClient.Issued issued = enroller.enroll(OPEN, Cards.csr(card, 4, key, null), null);

    assertArrayEquals(
        key.getEncoded(), Cards.certificate(issued.certificate()).getPublicKey().getEncoded());
    assertNull(issued.attestationFormat());
    assertEquals(1, ca.certificatesForKey(Cards.spkiSha256(key)).size());
  }

  @Test
  void openProfileRefusesAnonymousCallersAndCallersWithoutTheEnrollerRole() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(4);
    String csr = Cards.csr(card, 4, key, null);
    CaClient nobody = new CaClient(CA_URL, "nobody", Http.DEV_USERS.get("nobody").toCharArray());

    CaRefusedException anonymous =
        assertThrows(CaRefusedException.class, () -> ca.enroll(OPEN, csr, null));
    CaRefusedException withoutRole =
        assertThrows(CaRefusedException.class, () -> nobody.enroll(OPEN, csr, null));
    CaRefusedException nonce = assertThrows(CaRefusedException.class, () -> ca.newNonce(OPEN));

    assertEquals(401, anonymous.status());
    assertEquals("AUTHENTICATION_REQUIRED", anonymous.reason());
    assertEquals(403, withoutRole.status());
    assertEquals("ROLE_REQUIRED", withoutRole.reason());
    assertEquals("AUTHENTICATION_REQUIRED", nonce.reason());
    assertTrue(ca.certificatesForKey(Cards.spkiSha256(key)).isEmpty(), "no certificate stored");
  }

  @Test
  void issuedCertificateNamesTheCrlOfTheCa() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(1);
    byte[] cms = card.attestCms(1, ca.newNonce(ATTESTED).octets());

    X509Certificate certificate =
        Cards.certificate(
            ca.enroll(
                    ATTESTED,
                    Cards.csr(card, 1, key, CardCsr.attestationBundle(cms, List.of())),
                    null)
                .certificate());

    assertEquals(
        List.of(CA_URL + "/api/v1/ca/crl"), Certificates.crlDistributionPoints(certificate));
    assertTrue(
        certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth by default");
    assertTrue(certificate.getKeyUsage()[0], "digitalSignature by default");
  }

  @Test
  void cardsJwsKeyAttestationIsAcceptedOnAProfileThatTakesIt() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(5);
    String jws = card.attestJws(5, ca.newNonce(ATTESTED).nonce(), Instant.now().getEpochSecond());

    CaClient.Issued issued =
        ca.enroll(
            ATTESTED, Cards.csr(card, 5, key, CardCsr.jwsAttestationBundle(jws, List.of())), null);

    assertEquals("openid4vci-jwt", issued.attestationFormat());
    assertArrayEquals(
        key.getEncoded(), Cards.certificate(issued.certificate()).getPublicKey().getEncoded());
  }

  @Test
  void jwsKeyAttestationIsRefusedOnAProfileThatTakesOnlyCms() throws Exception {
    String profile = "cms-only-" + UUID.randomUUID();
    Http.expect(
        201,
        Http.as("policy-admin")
            .post(
                "admin/profiles",
                Api.Profile.named(
                    profile, true, List.of(sha256(developmentPki.caCertificate())), true)),
        Api.Profile.class);
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(6);
    String jws = card.attestJws(6, ca.newNonce(profile).nonce(), Instant.now().getEpochSecond());

    assertRefused(
        "ATTESTATION_FORMAT_NOT_ACCEPTED",
        key,
        () ->
            ca.enroll(
                profile,
                Cards.csr(card, 6, key, CardCsr.jwsAttestationBundle(jws, List.of())),
                null));
  }

  @Test
  void jwsWhoseNonceThisCaNeverIssuedIsRefused() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(7);
    String jws = card.attestJws(7, "bm90LWlzc3VlZC1ieS10aGlzLWNh", Instant.now().getEpochSecond());

    assertRefused(
        "NONCE_UNKNOWN",
        key,
        () ->
            ca.enroll(
                ATTESTED,
                Cards.csr(card, 7, key, CardCsr.jwsAttestationBundle(jws, List.of())),
                null));
  }

  private static String sha256(X509Certificate certificate) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
  }

  /** Asserts the CA refuses with {@code reason} and stored no certificate for {@code key}. */
  private void assertRefused(String reason, ECPublicKey key, Enrollment enrollment)
      throws Exception {
    CaRefusedException refused = assertThrows(CaRefusedException.class, enrollment::run);
    assertEquals(reason, refused.reason(), refused.getMessage());
    assertTrue(refused.status() >= 400 && refused.status() < 500, "status " + refused.status());
    assertTrue(ca.certificatesForKey(Cards.spkiSha256(key)).isEmpty(), "no certificate stored");
  }

  @FunctionalInterface
  private interface Enrollment {
    void run() throws Exception;
  }
}
