package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.client.AttestationPki;
import dev.attestca.client.Pem;
import java.io.File;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The trust store of Attestation CAs, managed by a CA admin through the API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrustStoreIT {

  private final Http caAdmin = Http.as("ca-admin");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  private static AttestationPki pki(String name) throws Exception {
    return AttestationPki.generate(
        "CN=" + name + " " + UUID.randomUUID() + ",O=AttestCA tests", "CN=" + name + " key");
  }

  private static String pem(AttestationPki pki) throws Exception {
    return Pem.encode("CERTIFICATE", pki.caCertificate().getEncoded());
  }

  private static String crlPem(AttestationPki pki) throws Exception {
    return Pem.encode("X509 CRL", pki.caCrl().getEncoded());
  }

  @Test
  void caIsAddedWithItsCrlOnceAndRemovedWhenNoProfileTrustsIt() throws Exception {
    AttestationPki pki = pki("Store test CA");
    Api.AttestationCa added =
        Http.expect(
            201,
            caAdmin.post("admin/attestation-cas", new Api.NewAttestationCa(pem(pki), crlPem(pki))),
            Api.AttestationCa.class);
    assertNotNull(added.crlNextUpdate());
    assertEquals(List.of(), added.trustedByProfiles());

    Api.Problem duplicate =
        Http.expect(
            409,
            caAdmin.post("admin/attestation-cas", new Api.NewAttestationCa(pem(pki), null)),
            Api.Problem.class);
    assertEquals("ATTESTATION_CA_EXISTS", duplicate.reason());

    assertEquals(204, caAdmin.delete("admin/attestation-cas/" + added.sha256()).statusCode());
    Api.Problem gone =
        Http.expect(404, caAdmin.get("admin/attestation-cas/" + added.sha256()), Api.Problem.class);
    assertEquals("ATTESTATION_CA_UNKNOWN", gone.reason());
  }

  @Test
  void crlMustBeSignedByTheCaItIsFor() throws Exception {
    AttestationPki pki = pki("CRL test CA");
    AttestationPki other = pki("Other CA");
    String sha256 =
        Http.expect(
                201,
                caAdmin.post("admin/attestation-cas", new Api.NewAttestationCa(pem(pki), null)),
                Api.AttestationCa.class)
            .sha256();
    String path = "admin/attestation-cas/" + sha256 + "/crl";

    Api.Problem foreign =
        Http.expect(
            400, caAdmin.put(path, java.util.Map.of("crl", crlPem(other))), Api.Problem.class);
    Api.AttestationCa replaced =
        Http.expect(
            200, caAdmin.put(path, java.util.Map.of("crl", crlPem(pki))), Api.AttestationCa.class);

    assertEquals("ATTESTATION_CA_INVALID", foreign.reason());
    assertNotNull(replaced.crlThisUpdate());
  }

  @Test
  void attestationCertificateNoRequestUsedIsUnknown() throws Exception {
    String sha256 = "00".repeat(32);

    Api.Problem unknown =
        Http.expect(
            404,
            caAdmin.post(
                "admin/attestation-certificates/" + sha256 + "/distrust",
                new Api.Reason("batch key leaked")),
            Api.Problem.class);

    assertEquals("ATTESTATION_CERTIFICATE_UNKNOWN", unknown.reason());
    assertTrue(unknown.detail().contains(sha256), unknown.detail());
  }

  @Test
  void endEntityCertificateIsNotAnAttestationCa() throws Exception {
    AttestationPki pki = pki("End entity test CA");
    Api.Problem refused =
        Http.expect(
            400,
            caAdmin.post(
                "admin/attestation-cas",
                new Api.NewAttestationCa(
                    Pem.encode("CERTIFICATE", pki.attestationCertificate().getEncoded()), null)),
            Api.Problem.class);

    assertEquals("ATTESTATION_CA_INVALID", refused.reason());
    assertTrue(refused.detail().contains("CA certificate"), refused.detail());
  }

  @Test
  void caTrustedByAProfileCannotBeRemoved() throws Exception {
    AttestationPki pki = pki("In use CA");
    String sha256 =
        Http.expect(
                201,
                caAdmin.post(
                    "admin/attestation-cas", new Api.NewAttestationCa(pem(pki), crlPem(pki))),
                Api.AttestationCa.class)
            .sha256();
    String profile = "uses-" + UUID.randomUUID();
    Http.expect(
        201,
        Http.as("policy-admin")
            .post("admin/profiles", Api.Profile.named(profile, true, List.of(sha256), true)),
        Api.Profile.class);

    Api.Problem inUse =
        Http.expect(409, caAdmin.delete("admin/attestation-cas/" + sha256), Api.Problem.class);

    assertEquals("ATTESTATION_CA_IN_USE", inUse.reason());
    assertTrue(inUse.detail().contains(profile), inUse.detail());
  }
}
