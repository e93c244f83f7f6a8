package dev.attestca.applet;

import static dev.attestca.applet.TestCard.assertSw;

import dev.attestca.host.AttestCard;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ATTEST (CMS): the attestation of docs/attestation-format.md, built on the card. */
class AttestCmsTest {
  private static final int CLA = 0x80;
  private static final int INS_ATTEST_CMS = 0x60;

  @ParameterizedTest(name = "slot {0}, nonce of {1} bytes")
  @CsvSource({"0, 8", "7, 64", "3, 32"})
  void attestationFollowsTheFormatAndVerifies(int slot, int nonceLength) throws Exception {
    TestCard t = TestCard.personalised();
    ECPublicKey key = t.card.generateKey(slot);
    byte[] nonce = TestPki.randomBytes(nonceLength);
    byte[] der = t.card.attestCms(slot, nonce);
    CmsAttestationChecks.check(
        der, t.pki.attestationCertificate(), key, slot, nonce, CmsAttestation.USER_VERIFICATION);
  }

  @Test
  void longIssuerNameIsCarriedExactly() throws Exception {
    TestCard t = TestCard.blank();
    TestPki pki =
        TestPki.generate(
            "CN=AttestCA Test Attestation CA with a deliberately long name,"
                + "OU=Attestation Certificate Authorities for secure elements,"
                + "OU=Second organisational unit to push the issuer past 128 bytes,"
                + "O=AttestCA Tests,L=Berlin,ST=Berlin,C=DE");
    t.card.personalise(pki.attestationPrivateKey(), pki.attestationCertificate());
    t.card.verifyPin(AttestCard.DEFAULT_PIN.toCharArray());
    ECPublicKey key = t.card.generateKey(5);
    byte[] nonce = TestPki.randomBytes(16);
    CmsAttestationChecks.check(
        t.card.attestCms(5, nonce),
        pki.attestationCertificate(),
        key,
        5,
        nonce,
        CmsAttestation.USER_VERIFICATION);
  }

  @ParameterizedTest(name = "nonce of {0} bytes → 6700")
  @ValueSource(ints = {0, 7, 65, 200})
  void nonceOutsideEightToSixtyFourBytesIsRefused(int length) throws Exception {
    TestCard t = TestCard.personalised();
    t.card.generateKey(0);
    t.expectSw(0x6700, CLA, INS_ATTEST_CMS, 0, 0, length == 0 ? null : new byte[length]);
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void emptySlotIsRefused() throws Exception {
    TestCard t = TestCard.personalised();
    assertSw(0x6A88, () -> t.card.attestCms(1, new byte[8]));
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void badSlotP2AndChainingAreRefused() throws Exception {
    TestCard t = TestCard.personalised();
    t.card.generateKey(0);
    t.expectSw(0x6A86, CLA, INS_ATTEST_CMS, AttestCard.SLOT_COUNT, 0, new byte[8]);
    t.expectSw(0x6A86, CLA, INS_ATTEST_CMS, 0, 1, new byte[8]);
    t.expectSw(0x6884, CLA | 0x10, INS_ATTEST_CMS, 0, 0, new byte[8]);
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void attestationOfAReplacedKeyNamesTheNewKey() throws Exception {
    TestCard t = TestCard.personalised();
    t.card.generateKey(2);
    ECPublicKey replacement = t.card.generateKey(2);
    byte[] nonce = TestPki.randomBytes(8);
    CmsAttestationChecks.check(
        t.card.attestCms(2, nonce),
        t.pki.attestationCertificate(),
        replacement,
        2,
        nonce,
        CmsAttestation.USER_VERIFICATION);
  }
}
