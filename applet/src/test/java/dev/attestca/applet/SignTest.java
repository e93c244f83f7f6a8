package dev.attestca.applet;

import static dev.attestca.applet.TestCard.assertSw;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.host.AttestCard;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGN with ECDSA SHA-256, one APDU or chained. */
class SignTest {
  private static final int CLA = 0x80;
  private static final int INS_SIGN = 0x50;
  private static final int INS_PUBLIC_KEY = 0x42;

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 255, 256, 1000, 4096})
  void signatureVerifiesUnderJdkAndBouncyCastle(int length) throws Exception {
    TestCard t = TestCard.personalised();
    ECPublicKey key = t.card.generateKey(1);
    byte[] data = TestPki.randomBytes(length);
    byte[] signature = t.card.sign(1, data);
    assertTrue(Verify.jdk("SHA256withECDSA", key, data, signature), "JDK");
    assertTrue(Verify.bc("SHA256withECDSA", key, data, signature), "Bouncy Castle");
    byte[] altered = java.util.Arrays.copyOf(data, length + 1);
    assertFalse(Verify.jdk("SHA256withECDSA", key, altered, signature), "altered data");
  }

  @ParameterizedTest(name = "P2 {0}")
  @ValueSource(ints = {0x00, 0x7F})
  void unknownModeIsRefused(int p2) throws Exception {
    TestCard t = TestCard.personalised();
    t.card.generateKey(0);
    t.expectSw(0x6A86, CLA, INS_SIGN, 0, p2, new byte[4]);
    CommandDispatchTest.assertUsable(t);
  }

  @ParameterizedTest(name = "slot {0}")
  @ValueSource(ints = {AttestCard.SLOT_COUNT, 0x80})
  void slotOutOfRangeIsRefused(int slot) throws Exception {
    TestCard t = TestCard.personalised();
    t.expectSw(0x6A86, CLA, INS_SIGN, slot, 1, new byte[4]);
    CommandDispatchTest.assertUsable(t);
  }

  @org.junit.jupiter.api.Test
  void emptySlotIsRefused() throws Exception {
    TestCard t = TestCard.personalised();
    assertSw(0x6A88, () -> t.card.sign(4, new byte[4]));
    CommandDispatchTest.assertUsable(t);
  }

  @org.junit.jupiter.api.Test
  void interruptedChainIsDropped() throws Exception {
    TestCard t = TestCard.personalised();
    ECPublicKey key = t.card.generateKey(0);
    t.expectSw(0x9000, CLA | 0x10, INS_SIGN, 0, 1, new byte[100]);
    t.expectSw(0x9000, CLA, INS_PUBLIC_KEY, 0, 0, null);
    byte[] data = TestPki.randomBytes(300);
    assertTrue(Verify.jdk("SHA256withECDSA", key, data, t.card.sign(0, data)));
  }
}
