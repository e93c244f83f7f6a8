package dev.attestca.applet;

import static dev.attestca.applet.TestCard.assertSw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.host.AttestCard;
import dev.attestca.host.Curve;
import dev.attestca.host.SignatureAlgorithm;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** P-384 keys, DELETE KEY and LIST KEYS. */
class KeyManagementTest {
  @Test
  void p384KeySignsAndIsAttested() throws Exception {
    TestCard t = TestCard.personalised();
    ECPublicKey key = t.card.generateKey(6, Curve.P384);
    assertEquals(384, key.getParams().getCurve().getField().getFieldSize());
    assertEquals(key, t.card.publicKey(6));
    byte[] data = TestPki.randomBytes(700);
    for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
      byte[] signature = t.card.sign(6, data, algorithm);
      assertTrue(Verify.jdk(algorithm.jcaName(), key, data, signature), algorithm + " JDK");
      assertTrue(Verify.bc(algorithm.jcaName(), key, data, signature), algorithm + " BC");
    }
    byte[] nonce = TestPki.randomBytes(20);
    CmsAttestationChecks.check(
        t.card.attestCms(6, nonce), t.pki.attestationCertificate(), key, 6, nonce, 1);
  }

  @Test
  void slotCanChangeCurve() throws Exception {
    TestCard t = TestCard.personalised();
    t.card.generateKey(1, Curve.P384);
    ECPublicKey p256 = t.card.generateKey(1, Curve.P256);
    assertEquals(p256, t.card.publicKey(1));
    assertEquals(Map.of(1, Curve.P256), t.card.listKeys());
  }

  @Test
  void deletedKeyIsGoneAndCannotBeAttested() throws Exception {
    TestCard t = TestCard.personalised();
    t.card.generateKey(4);
    t.card.deleteKey(4);
    assertSw(0x6A88, () -> t.card.publicKey(4));
    assertSw(0x6A88, () -> t.card.attestCms(4, new byte[8]));
    assertSw(0x6A88, () -> t.card.attestJws(4, "deleted-key-nonce", 1L));
    assertSw(0x6A88, () -> t.card.sign(4, new byte[8]));
    assertSw(0x6A88, () -> t.card.deleteKey(4));
    t.expectSw(0x6A86, 0x80, 0x44, AttestCard.SLOT_COUNT, 0, null);
    t.expectSw(0x6A86, 0x80, 0x44, 0, 1, null);
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void listKeysNamesEachOccupiedSlotAndItsCurve() throws Exception {
    TestCard t = TestCard.personalised();
    assertEquals(Map.of(), t.card.listKeys());
    t.card.generateKey(0);
    t.card.generateKey(3, Curve.P384);
    t.card.generateKey(7);
    assertEquals(Map.of(0, Curve.P256, 3, Curve.P384, 7, Curve.P256), t.card.listKeys());
    t.card.deleteKey(3);
    assertEquals(Map.of(0, Curve.P256, 7, Curve.P256), t.card.listKeys());
    t.expectSw(0x6A86, 0x80, 0x46, 1, 0, null);
  }
}
