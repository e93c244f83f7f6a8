package dev.attestca.applet;

import static dev.attestca.applet.TestCard.assertSw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.attestca.host.AttestCard;
import java.security.interfaces.ECPublicKey;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GENERATE KEY and GET PUBLIC KEY. */
class KeySlotTest {
  private static final int CLA = 0x80;
  private static final int INS_GENERATE_KEY = 0x40;
  private static final int INS_PUBLIC_KEY = 0x42;

  @Test
  void everySlotGetsItsOwnP256Key() throws Exception {
    TestCard t = TestCard.personalised();
    Set<ECPublicKey> keys = new HashSet<>();
    for (int slot = 0; slot < AttestCard.SLOT_COUNT; slot++) {
      ECPublicKey key = t.card.generateKey(slot);
      assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
      assertEquals(key, t.card.publicKey(slot));
      keys.add(key);
    }
    assertEquals(AttestCard.SLOT_COUNT, keys.size());
  }

  /**
   * About one generated key in 256 has a private scalar starting with a zero byte, which jcardsim
   * mishandles unless the applet stores it at full length; 1000 keys miss that case with a chance
   * of about 2%.
   */
  @Test
  void everyGeneratedKeySignsVerifiably() throws Exception {
    TestCard t = TestCard.personalised();
    byte[] data = "regenerated".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int invalid = 0;
    for (int i = 0; i < 1000; i++) {
      ECPublicKey key = t.card.generateKey(i % AttestCard.SLOT_COUNT);
      if (!Verify.bc("SHA256withECDSA", key, data, t.card.sign(i % AttestCard.SLOT_COUNT, data))) {
        invalid++;
      }
    }
    assertEquals(0, invalid, "signatures that do not verify");
  }

  @Test
  void generatingAgainReplacesTheKey() throws Exception {
    TestCard t = TestCard.personalised();
    ECPublicKey first = t.card.generateKey(3);
    ECPublicKey second = t.card.generateKey(3);
    assertNotEquals(first, second);
    assertEquals(second, t.card.publicKey(3));
  }

  @Test
  void generateRefusesBadSlotCurveAndData() throws Exception {
    TestCard t = TestCard.personalised();
    t.expectSw(0x6A86, CLA, INS_GENERATE_KEY, AttestCard.SLOT_COUNT, 1, null);
    t.expectSw(0x6A86, CLA, INS_GENERATE_KEY, 0xFF, 1, null);
    t.expectSw(0x6A86, CLA, INS_GENERATE_KEY, 0, 0x00, null);
    t.expectSw(0x6A86, CLA, INS_GENERATE_KEY, 0, 0x03, null);
    t.expectSw(0x6700, CLA, INS_GENERATE_KEY, 0, 1, new byte[1]);
    assertSw(0x6A88, () -> t.card.publicKey(0));
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void publicKeyRefusesEmptySlotBadSlotP2AndData() throws Exception {
    TestCard t = TestCard.personalised();
    assertSw(0x6A88, () -> t.card.publicKey(2));
    t.card.generateKey(2);
    t.expectSw(0x6A86, CLA, INS_PUBLIC_KEY, AttestCard.SLOT_COUNT, 0, null);
    t.expectSw(0x6A86, CLA, INS_PUBLIC_KEY, 2, 1, null);
    t.expectSw(0x6700, CLA, INS_PUBLIC_KEY, 2, 0, new byte[2]);
    CommandDispatchTest.assertUsable(t);
  }
}
