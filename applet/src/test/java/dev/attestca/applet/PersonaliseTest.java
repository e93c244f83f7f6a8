package dev.attestca.applet;

import static dev.attestca.applet.TestCard.assertSw;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** PERSONALISE and LOCK PERSONALISATION. */
class PersonaliseTest {
  private static final int CLA = 0x80;
  private static final int INS_PERSONALISE = 0x10;
  private static final int INS_LOCK = 0x12;

  @Test
  void personalisedCardIsReadyAndLocked() throws Exception {
    TestCard t = TestCard.personalised();
    assertSw(0x6A88, () -> t.card.publicKey(0));
    t.expectSw(0x6986, CLA, INS_PERSONALISE, 1, 0, new byte[32]);
    t.expectSw(0x6986, CLA | 0x10, INS_PERSONALISE, 2, 0, new byte[200]);
    t.expectSw(0x6986, CLA, INS_LOCK, 0, 0, null);
    assertSw(
        0x6986,
        () -> t.card.personalise(t.pki.attestationPrivateKey(), t.pki.attestationCertificate()));
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void commandsBeforeLockAreRefused() throws Exception {
    TestCard t = TestCard.blank();
    t.card.verifyPin(dev.attestca.host.AttestCard.DEFAULT_PIN.toCharArray());
    assertSw(0x6985, () -> t.card.generateKey(0));
    assertSw(0x6985, () -> t.card.publicKey(0));
    assertSw(0x6985, () -> t.card.sign(0, new byte[1]));
    assertSw(0x6985, () -> t.card.attestCms(0, new byte[8]));
    assertPersonalisable(t);
  }

  @Test
  void attestationKeyOfWrongLengthIsRefused() throws Exception {
    TestCard t = TestCard.blank();
    t.expectSw(0x6700, CLA, INS_PERSONALISE, 1, 0, new byte[31]);
    t.expectSw(0x6700, CLA, INS_PERSONALISE, 1, 0, new byte[33]);
    assertPersonalisable(t);
  }

  @Test
  void chainedAttestationKeyIsRefused() throws Exception {
    TestCard t = TestCard.blank();
    t.expectSw(0x6884, CLA | 0x10, INS_PERSONALISE, 1, 0, new byte[32]);
    assertPersonalisable(t);
  }

  @Test
  void unknownP1OrP2IsRefused() throws Exception {
    TestCard t = TestCard.blank();
    t.expectSw(0x6A86, CLA, INS_PERSONALISE, 0x7F, 0, new byte[32]);
    t.expectSw(0x6A86, CLA, INS_PERSONALISE, 1, 1, new byte[32]);
    t.expectSw(0x6A86, CLA, INS_LOCK, 1, 0, null);
    assertPersonalisable(t);
  }

  @Test
  void malformedCertificateIsRefused() throws Exception {
    TestCard t = TestCard.blank();
    byte[] certificate = t.pki.attestationCertificate().getEncoded();
    t.expectSw(0x6A80, CLA, INS_PERSONALISE, 2, 0, Arrays.copyOf(certificate, 200));
    byte[] wrongTag = certificate.clone();
    wrongTag[0] = 0x31;
    t.expectSw(0x6A80, CLA, INS_PERSONALISE, 2, 0, Arrays.copyOf(wrongTag, 200));
    assertPersonalisable(t);
  }

  @Test
  void certificateLargerThanStorageIsRefused() throws Exception {
    TestCard t = TestCard.blank();
    byte[] block = new byte[240];
    for (int i = 0; i < 6; i++) {
      t.expectSw(0x9000, CLA | 0x10, INS_PERSONALISE, 2, 0, block);
    }
    t.expectSw(0x6A84, CLA, INS_PERSONALISE, 2, 0, new byte[1536 - 6 * 240 + 1]);
    assertPersonalisable(t);
  }

  @Test
  void lockWithoutKeyOrCertificateIsRefused() throws Exception {
    TestCard t = TestCard.blank();
    t.expectSw(0x6985, CLA, INS_LOCK, 0, 0, null);
    t.expectSw(0x9000, CLA, INS_PERSONALISE, 1, 0, new byte[32]);
    t.expectSw(0x6985, CLA, INS_LOCK, 0, 0, null);
    assertPersonalisable(t);
  }

  @Test
  void certificateOfAnotherKeyIsRefusedAtLock() throws Exception {
    TestCard t = TestCard.blank();
    TestPki other = TestPki.generate();
    t.expectSw(0x6985, CLA, INS_LOCK, 0, 0, null);
    assertSw(
        0x6985,
        () -> t.card.personalise(t.pki.attestationPrivateKey(), other.attestationCertificate()));
    assertPersonalisable(t);
  }

  /** The card still takes a complete, correct personalisation. */
  private static void assertPersonalisable(TestCard t) throws Exception {
    t.card.personalise(t.pki.attestationPrivateKey(), t.pki.attestationCertificate());
    t.card.verifyPin(dev.attestca.host.AttestCard.DEFAULT_PIN.toCharArray());
    CommandDispatchTest.assertUsable(t);
  }
}
