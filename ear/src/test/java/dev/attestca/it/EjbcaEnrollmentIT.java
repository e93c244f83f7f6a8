package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.client.AttestationPki;
import dev.attestca.client.CaClient;
import dev.attestca.client.CardCsr;
import dev.attestca.host.AttestCard;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * EJBCA REST clients enroll unchanged: the request is exactly what such a client sends to {@code
 * POST /ejbca/ejbca-rest-api/v1/certificate/pkcs10enroll}, with the key attestation in the CSR
 * attribute; revocation and revocation status answer in EJBCA's shape.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EjbcaEnrollmentIT {

  static final String CA_NAME = "AttestCA Development CA";

  static final String OPERATOR = "ca-admin";
  static final String OPERATOR_PASSWORD = Http.DEV_USERS.get(OPERATOR);
  static final String ENROLLER = "enroller";
  static final String ENROLLER_PASSWORD = Http.DEV_USERS.get(ENROLLER);

  private static AttestationPki developmentPki;

  private final CaClient attestca = new CaClient(EnrollmentIT.CA_URL);
  private final EjbcaRestClient ejbca = new EjbcaRestClient();

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
  void attestedCsrEnrollsAsAnEjbcaClientSendsIt() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(1);
    byte[] cms = card.attestCms(1, attestca.newNonce(EnrollmentIT.ATTESTED).octets());
    String csr = Cards.csr(card, 1, key, CardCsr.attestationBundle(cms, List.of()));

    EjbcaRestClient.Answer answer = ejbca.enroll(body(csr, EnrollmentIT.ATTESTED, CA_NAME));

    assertEquals(201, answer.status(), String.valueOf(answer.body()));
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    JsonObject body = answer.body();
    X509Certificate certificate = der(body.getString("certificate"));
    X509Certificate caCertificate = Cards.certificate(attestca.caCertificatePem());
    certificate.verify(caCertificate.getPublicKey());
    assertArrayEquals(key.getEncoded(), certificate.getPublicKey().getEncoded());
    assertEquals(
        certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
        body.getString("serial_number"));
    assertEquals("DER", body.getString("response_format"));
    assertEquals(1, body.getJsonArray("certificate_chain").size());
    assertEquals(caCertificate, der(body.getJsonArray("certificate_chain").getString(0)));
  }

  @Test
  void attestedProfileRefusesTheSameRequestWithoutTheAttribute() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(2);

    EjbcaRestClient.Answer answer =
        ejbca.enroll(body(Cards.csr(card, 2, key, null), EnrollmentIT.ATTESTED, CA_NAME));

    assertEquals(403, answer.status());
    assertEquals(403, answer.body().getInt("error_code"));
    assertTrue(
        answer.body().getString("error_message").startsWith("ATTESTATION_MISSING: "),
        answer.body().toString());
    assertTrue(attestca.certificatesForKey(Cards.spkiSha256(key)).isEmpty());
  }

  @Test
  void anotherCaNameIsRefused() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(3);

    EjbcaRestClient.Answer answer =
        ejbca.enroll(body(Cards.csr(card, 3, key, null), EnrollmentIT.OPEN, "ManagementCA"));

    assertEquals(404, answer.status());
    assertTrue(answer.body().getString("error_message").startsWith("CA_UNKNOWN: "));
  }

  @Test
  void responseFormatOtherThanDerIsRefused() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(5);
    String pkcs7 =
        body(Cards.csr(card, 5, key, null), EnrollmentIT.OPEN, CA_NAME)
            .replace("\"response_format\": \"DER\"", "\"response_format\": \"PKCS7\"");

    EjbcaRestClient.Answer answer = ejbca.enroll(pkcs7, ENROLLER, ENROLLER_PASSWORD);

    assertEquals(400, answer.status());
    assertTrue(
        answer.body().getString("error_message").startsWith("PARAMETER_INVALID: response_format"),
        answer.body().toString());
  }

  @Test
  void oversizedBodyIsRefusedBeforeItIsParsed() throws Exception {
    EjbcaRestClient.Answer answer =
        ejbca.enroll(body("A".repeat(200_000), EnrollmentIT.OPEN, CA_NAME));

    assertEquals(413, answer.status());
    assertTrue(answer.body().getString("error_message").startsWith("CSR_TOO_LARGE: "));
  }

  @Test
  void bodyOfAnotherMediaTypeIsRefusedWithItsStatusAsCode() throws Exception {
    EjbcaRestClient.Answer answer = ejbca.enrollAs("text/plain", "certificate_request=x");

    assertEquals(415, answer.status());
    assertEquals(415, answer.body().getInt("error_code"));
    assertTrue(answer.body().getString("error_message").startsWith("HTTP_415: "));
  }

  @Test
  void operatorRevokesAndTheStatusSaysSo() throws Exception {
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(4);
    String request = body(Cards.csr(card, 4, key, null), EnrollmentIT.OPEN, CA_NAME);
    EjbcaRestClient.Answer anonymous = ejbca.enroll(request);
    assertEquals(401, anonymous.status(), String.valueOf(anonymous.body()));
    assertTrue(anonymous.body().getString("error_message").startsWith("AUTHENTICATION_REQUIRED"));
    assertTrue(
        String.valueOf(anonymous.wwwAuthenticate()).startsWith("Basic"),
        "asks for Basic authentication: " + anonymous.wwwAuthenticate());
    JsonObject issued = ejbca.enroll(request, ENROLLER, ENROLLER_PASSWORD).body();
    String serial = issued.getString("serial_number");
    String issuerDn = der(issued.getString("certificate")).getIssuerX500Principal().getName();

    JsonObject before = ejbca.status(issuerDn, serial).body();
    assertFalse(before.getBoolean("revoked"));
    assertEquals("NOT_REVOKED", before.getString("revocation_reason"));
    assertFalse(before.containsKey("revocation_date"));

    EjbcaRestClient.Answer unauthenticated =
        ejbca.revoke(issuerDn, serial, "KEY_COMPROMISE", null, null);
    assertEquals(401, unauthenticated.status());
    assertEquals(401, unauthenticated.body().getInt("error_code"));
    assertTrue(
        unauthenticated.body().getString("error_message").startsWith("AUTHENTICATION_REQUIRED: "));
    EjbcaRestClient.Answer forbidden =
        ejbca.revoke(issuerDn, serial, "KEY_COMPROMISE", ENROLLER, ENROLLER_PASSWORD);
    assertEquals(403, forbidden.status());
    assertTrue(
        forbidden
            .body()
            .getString("error_message")
            .startsWith("ROLE_REQUIRED: caller must hold the role ca-admin"),
        String.valueOf(forbidden.body()));
    EjbcaRestClient.Answer revoked =
        ejbca.revoke(issuerDn, serial, "KEY_COMPROMISE", OPERATOR, OPERATOR_PASSWORD);
    assertEquals(200, revoked.status(), String.valueOf(revoked.body()));
    assertEquals("Successfully revoked", revoked.body().getString("message"));
    assertTrue(revoked.body().getBoolean("revoked"));

    JsonObject after = ejbca.status(reversed(issuerDn), serial).body();
    assertTrue(after.getBoolean("revoked"));
    assertEquals("KEY_COMPROMISE", after.getString("revocation_reason"));
    assertTrue(
        after.getString("revocation_date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
        after.getString("revocation_date"));
    EjbcaRestClient.Answer again =
        ejbca.revoke(issuerDn, serial, "SUPERSEDED", OPERATOR, OPERATOR_PASSWORD);
    assertEquals(409, again.status());
    assertTrue(again.body().getString("error_message").startsWith("CERTIFICATE_ALREADY_REVOKED"));
    assertEquals(404, ejbca.status(issuerDn, "7F").status());
  }

  /** The JSON an EJBCA REST client sends to pkcs10enroll. */
  private static String body(String csrPem, String profile, String caName) {
    return "{\"certificate_request\": "
        + EjbcaRestClient.quoted(csrPem)
        + ", \"certificate_profile_name\": "
        + EjbcaRestClient.quoted(profile)
        + ", \"end_entity_profile_name\": \"EMPTY\""
        + ", \"certificate_authority_name\": "
        + EjbcaRestClient.quoted(caName)
        + ", \"username\": \"sim-card-0001\""
        + ", \"password\": \"foo123\""
        + ", \"include_chain\": true"
        + ", \"response_format\": \"DER\"}";
  }

  private static X509Certificate der(String base64) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }

  /** The DN with its RDNs in the other order, as EJBCA and some libraries print it. */
  private static String reversed(String dn) {
    List<String> rdns = new java.util.ArrayList<>(List.of(dn.split(",")));
    java.util.Collections.reverse(rdns);
    return String.join(",", rdns);
  }
}
