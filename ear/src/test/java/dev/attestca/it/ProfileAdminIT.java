package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.client.AttestationPki;
import dev.attestca.client.CaClient;
import dev.attestca.client.CaRefusedException;
import dev.attestca.client.CardCsr;
import dev.attestca.host.AttestCard;
import java.io.File;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
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

/** Profiles changed at run time through the admin API take effect on the next enrollment. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfileAdminIT {

  private static AttestationPki developmentPki;
  private static List<String> developmentCas;

  private final CaClient ca = new CaClient(EnrollmentIT.CA_URL);
  private final Http policyAdmin = Http.as("policy-admin");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  @BeforeAll
  static void loadDevelopmentPki() throws Exception {
    developmentPki = AttestationPki.development();
  }

  private List<String> developmentCas() throws Exception {
    if (developmentCas == null) {
      developmentCas =
          Http.expect(200, policyAdmin.get("admin/profiles/attested"), Api.Profile.class)
              .trustedAttestationCas();
    }
    return developmentCas;
  }

  private String newProfile(Api.Profile profile) throws Exception {
    return Http.expect(201, policyAdmin.post("admin/profiles", profile), Api.Profile.class).name();
  }

  @Test
  void togglingRequireAttestationChangesTheNextEnrollment() throws Exception {
    String name =
        newProfile(Api.Profile.named("toggle-" + UUID.randomUUID(), true, developmentCas(), true));
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(1);
    String csrWithoutAttestation = Cards.csr(card, 1, key, null);

    CaRefusedException refused =
        assertThrows(CaRefusedException.class, () -> ca.enroll(name, csrWithoutAttestation, null));
    assertEquals("ATTESTATION_MISSING", refused.reason());

    Api.Profile relaxed =
        Http.expect(
            200,
            policyAdmin.put("admin/profiles/" + name, Api.Profile.requireAttestation(false)),
            Api.Profile.class);
    assertEquals(false, relaxed.requireAttestation());
    CaClient.Issued issued = ca.enroll(name, csrWithoutAttestation, null);
    assertEquals(name, issued.profile());

    Http.expect(
        200,
        policyAdmin.put("admin/profiles/" + name, Api.Profile.requireAttestation(true)),
        Api.Profile.class);
    CaRefusedException refusedAgain =
        assertThrows(CaRefusedException.class, () -> ca.enroll(name, csrWithoutAttestation, null));
    assertEquals("ATTESTATION_MISSING", refusedAgain.reason());
  }

  @Test
  void profileNameIsTakenOnce() throws Exception {
    Api.Profile profile = Api.Profile.named("once-" + UUID.randomUUID(), false, List.of(), false);
    newProfile(profile);

    Api.Problem again =
        Http.expect(409, policyAdmin.post("admin/profiles", profile), Api.Problem.class);

    assertEquals("PROFILE_EXISTS", again.reason());
    assertTrue(again.detail().contains(profile.name()), again.detail());
  }

  @Test
  void changeBasedOnAStaleVersionIsRefused() throws Exception {
    String name =
        newProfile(Api.Profile.named("stale-" + UUID.randomUUID(), false, List.of(), false));
    long read =
        Http.expect(200, policyAdmin.get("admin/profiles/" + name), Api.Profile.class).version();
    Http.expect(
        200, policyAdmin.put("admin/profiles/" + name, validity(30, read)), Api.Profile.class);

    Api.Problem stale =
        Http.expect(
            409, policyAdmin.put("admin/profiles/" + name, validity(90, read)), Api.Problem.class);

    assertEquals("PROFILE_VERSION_CONFLICT", stale.reason());
    assertTrue(stale.detail().contains("got " + read), stale.detail());
    assertEquals(
        30,
        Http.expect(200, policyAdmin.get("admin/profiles/" + name), Api.Profile.class)
            .validityDays());
  }

  @Test
  void misspeltOrMistypedSettingIsRefusedByName() throws Exception {
    String name =
        newProfile(Api.Profile.named("strict-" + UUID.randomUUID(), false, List.of(), false));

    Api.Problem misspelt =
        Http.expect(
            422,
            policyAdmin.put("admin/profiles/" + name, java.util.Map.of("validity", 30)),
            Api.Problem.class);
    Api.Problem mistyped =
        Http.expect(
            422,
            policyAdmin.put("admin/profiles/" + name, java.util.Map.of("validity_days", "ten")),
            Api.Problem.class);

    assertEquals("PROFILE_INVALID", misspelt.reason());
    assertTrue(misspelt.detail().contains("unknown member 'validity'"), misspelt.detail());
    assertEquals("PROFILE_INVALID", mistyped.reason());
    assertTrue(
        mistyped.detail().contains("validity_days as a whole number; got \"ten\""),
        mistyped.detail());
  }

  private static Api.Profile validity(int days, long version) {
    return new Api.Profile(
        null, null, null, null, null, null, null, null, null, null, null, days, null, null, null,
        null, null, null, version);
  }

  @Test
  void profileChangeIsAuditedWithBeforeAndAfter() throws Exception {
    String name =
        newProfile(Api.Profile.named("audited-" + UUID.randomUUID(), true, developmentCas(), true));
    policyAdmin.put("admin/profiles/" + name, Api.Profile.requireAttestation(false));

    Api.AuditEntry[] entries =
        Http.expect(
            200,
            Http.as("auditor").get("admin/audit?kind=ADMIN&profile=" + name),
            Api.AuditEntry[].class);

    assertEquals(2, entries.length, Arrays.toString(entries));
    assertEquals("profile.create", entries[0].action());
    assertEquals("policy-admin", entries[1].caller());
    assertEquals("profile.update", entries[1].action());
    assertTrue(entries[1].before().contains("\"require_attestation\":true"), entries[1].before());
    assertTrue(entries[1].after().contains("\"require_attestation\":false"), entries[1].after());
  }

  @Test
  void inconsistentProfileIsRefusedAndNothingChanges() throws Exception {
    Api.Profile unknownCurve =
        new Api.Profile(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("P-521"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Api.Profile attestationWithoutCa =
        Api.Profile.named("no-ca-" + UUID.randomUUID(), true, List.of(), true);

    Api.Problem curve =
        Http.expect(
            422, policyAdmin.put("admin/profiles/attested", unknownCurve), Api.Problem.class);
    Api.Problem noCa =
        Http.expect(
            422, policyAdmin.post("admin/profiles", attestationWithoutCa), Api.Problem.class);

    assertEquals("PROFILE_INVALID", curve.reason());
    assertTrue(curve.detail().contains("P-521"), curve.detail());
    assertEquals("PROFILE_INVALID", noCa.reason());
    Api.Problem notCreated =
        Http.expect(
            404,
            policyAdmin.get("admin/profiles/" + attestationWithoutCa.name()),
            Api.Problem.class);
    assertEquals("PROFILE_NOT_FOUND", notCreated.reason());
  }

  @Test
  void keyProvenInASecureElementGetsQcSscdWhenTheProfileAsks() throws Exception {
    String name = "qc-" + UUID.randomUUID();
    newProfile(
        new Api.Profile(
            name,
            true,
            null,
            developmentCas(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            30,
            List.of("digitalSignature", "nonRepudiation"),
            List.of(),
            null,
            null,
            true,
            true,
            null));
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(2);
    byte[] cms = card.attestCms(2, ca.newNonce(name).octets());

    X509Certificate certificate =
        Cards.certificate(
            ca.enroll(
                    name, Cards.csr(card, 2, key, CardCsr.attestationBundle(cms, List.of())), null)
                .certificate());

    assertEquals(List.of("0.4.0.1862.1.4"), Certificates.qcStatements(certificate));
    assertTrue(certificate.getKeyUsage()[1], "nonRepudiation");
    assertEquals(null, certificate.getExtendedKeyUsage());
    long days =
        (certificate.getNotAfter().getTime() - certificate.getNotBefore().getTime()) / 86400000L;
    assertEquals(30, days);
  }

  @Test
  void refusedSubjectAttributeRefusesTheRequest() throws Exception {
    String name = "no-org-" + UUID.randomUUID();
    newProfile(
        new Api.Profile(
            name,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("O"),
            null,
            true,
            null));
    AttestCard card = Cards.personalised(developmentPki);
    ECPublicKey key = card.generateKey(3);

    CaRefusedException refused =
        assertThrows(
            CaRefusedException.class, () -> ca.enroll(name, Cards.csr(card, 3, key, null), null));

    assertEquals("SUBJECT_NOT_ALLOWED", refused.reason());
    assertEquals(403, refused.status());
    assertTrue(refused.getMessage().contains("O=AttestCA tests"), refused.getMessage());
  }
}
