package dev.attestca.applet;

import static dev.attestca.applet.TestCard.assertSw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.host.AttestCard;
import dev.attestca.host.Curve;
import org.junit.jupiter.api.Test;

/** VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER, and what the PIN guards. */
class PinTest {
  private static final char[] PIN = AttestCard.DEFAULT_PIN.toCharArray();
  private static final char[] PUK = AttestCard.DEFAULT_PUK.toCharArray();
  private static final char[] WRONG = "999999".toCharArray();
  private static final int VERIFY = 0x20;

  @Test
  void keyGenerationSigningAndDeletionNeedThePin() throws Exception {
    TestCard t = TestCard.personalisedWithoutPin();
    assertSw(0x6982, () -> t.card.generateKey(0));
    assertSw(0x6982, () -> t.card.generateKey(0, Curve.P384));
    t.card.verifyPin(PIN);
    t.card.generateKey(0);
    t.card.select(); // deselect and select again: the PIN must be verified again
    assertSw(0x6982, () -> t.card.sign(0, new byte[8]));
    assertSw(0x6982, () -> t.card.signHash(0, new byte[32]));
    assertSw(0x6982, () -> t.card.deleteKey(0));
    // reading and attesting need no PIN
    t.card.publicKey(0);
    t.card.listKeys();
    t.card.attestCms(0, new byte[8]);
    t.card.attestJws(0, "nonce-without-pin", 1_700_000_000L);
  }

  @Test
  void wrongPinCountsDownThenBlocks() throws Exception {
    TestCard t = TestCard.personalisedWithoutPin();
    t.expectSw(0x63C3, 0x00, VERIFY, 0, 0x81, null);
    assertSw(0x63C2, () -> t.card.verifyPin(WRONG));
    assertSw(0x63C1, () -> t.card.verifyPin(WRONG));
    assertEquals(1, t.card.info().pinTriesLeft());
    assertSw(0x63C0, () -> t.card.verifyPin(WRONG));
    assertSw(0x6983, () -> t.card.verifyPin(PIN));
    t.expectSw(0x6983, 0x00, VERIFY, 0, 0x81, null);
    assertSw(0x6982, () -> t.card.generateKey(0));
    assertEquals(0, t.card.info().pinTriesLeft());
  }

  @Test
  void correctPinResetsTheCounter() throws Exception {
    TestCard t = TestCard.personalisedWithoutPin();
    assertSw(0x63C2, () -> t.card.verifyPin(WRONG));
    t.card.verifyPin(PIN);
    assertEquals(3, t.card.info().pinTriesLeft());
    assertTrue(t.card.info().pinVerified());
    t.expectSw(0x9000, 0x00, VERIFY, 0, 0x81, null);
  }

  @Test
  void pukUnblocksAndSetsANewPin() throws Exception {
    TestCard t = TestCard.personalisedWithoutPin();
    for (int i = 0; i < 3; i++) {
      assertSw(0x63C0 | (2 - i), () -> t.card.verifyPin(WRONG));
    }
    assertSw(0x63C4, () -> t.card.unblockPin("87654321".toCharArray(), "2468".toCharArray()));
    t.card.unblockPin(PUK, "2468".toCharArray());
    assertSw(0x63C2, () -> t.card.verifyPin(PIN));
    t.card.verifyPin("2468".toCharArray());
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void pukBlocksAfterFiveWrongTries() throws Exception {
    TestCard t = TestCard.personalisedWithoutPin();
    char[] wrongPuk = "00000000".toCharArray();
    for (int left = 4; left >= 0; left--) {
      int sw = 0x63C0 | left;
      assertSw(sw, () -> t.card.unblockPin(wrongPuk, "1111".toCharArray()));
    }
    assertSw(0x6983, () -> t.card.unblockPin(PUK, "1111".toCharArray()));
    assertEquals(0, t.card.info().pukTriesLeft());
    t.card.verifyPin(PIN); // the PIN itself is not blocked
  }

  @Test
  void changePinNeedsTheCurrentPinAndAWellFormedNewOne() throws Exception {
    TestCard t = TestCard.personalisedWithoutPin();
    assertSw(0x63C2, () -> t.card.changePin(WRONG, "4321".toCharArray()));
    assertSw(0x6A80, () -> t.card.changePin(PIN, "123".toCharArray()));
    assertSw(0x6A80, () -> t.card.changePin(PIN, "12a4".toCharArray()));
    t.card.changePin(PIN, "87654321".toCharArray());
    assertSw(0x63C2, () -> t.card.verifyPin(PIN));
    t.card.verifyPin("87654321".toCharArray());
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void pinCommandHeadersAreChecked() throws Exception {
    TestCard t = TestCard.personalisedWithoutPin();
    byte[] field = {'1', '2', '3', '4', '5', '6', (byte) 0xFF, (byte) 0xFF};
    t.expectSw(0x6A86, 0x00, VERIFY, 0, 0x80, field);
    t.expectSw(0x6A86, 0x00, VERIFY, 1, 0x81, field);
    t.expectSw(0x6E00, 0x80, VERIFY, 0, 0x81, field);
    t.expectSw(0x6700, 0x00, VERIFY, 0, 0x81, new byte[6]);
    t.expectSw(0x6700, 0x00, 0x24, 0, 0x81, field);
    t.expectSw(0x6884, 0x10, VERIFY, 0, 0x81, field);
    t.expectSw(0x9000, 0x00, VERIFY, 0, 0x81, field);
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void personalisationSetsPinAndPukAndRefusesMalformedOnes() throws Exception {
    TestCard t = TestCard.blank();
    assertSw(
        0x6A80,
        () ->
            t.card.personalise(
                t.pki.attestationPrivateKey(),
                t.pki.attestationCertificate(),
                "12".toCharArray(),
                "11223344".toCharArray()));
    assertSw(
        0x6A80,
        () ->
            t.card.personalise(
                t.pki.attestationPrivateKey(),
                t.pki.attestationCertificate(),
                "1357".toCharArray(),
                "1122334".toCharArray()));
    t.card.personalise(
        t.pki.attestationPrivateKey(),
        t.pki.attestationCertificate(),
        "1357".toCharArray(),
        "11223344".toCharArray());
    assertSw(0x63C2, () -> t.card.verifyPin(PIN));
    t.card.verifyPin("1357".toCharArray());
    for (int i = 0; i < 3; i++) {
      assertSw(0x63C0 | (2 - i), () -> t.card.verifyPin(WRONG));
    }
    assertSw(0x63C4, () -> t.card.unblockPin(PUK, "2468".toCharArray()));
    t.card.unblockPin("11223344".toCharArray(), "2468".toCharArray());
    assertFalse(t.card.info().pinVerified());
  }
}
