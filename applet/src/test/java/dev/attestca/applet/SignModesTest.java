package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.host.Curve;
import dev.attestca.host.SignatureAlgorithm;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SIGN with SHA-384, and over hashes the host computed. */
class SignModesTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(SignatureAlgorithm.class)
  void chainedDataAndPrecomputedHashVerify(SignatureAlgorithm algorithm) throws Exception {
    TestCard t = TestCard.personalised();
    for (Curve curve : Curve.values()) {
      ECPublicKey key = t.card.generateKey(2, curve);
      byte[] data = TestPki.randomBytes(1500);
      byte[] signature = t.card.sign(2, data, algorithm);
      assertTrue(Verify.jdk(algorithm.jcaName(), key, data, signature), "data, JDK");
      assertTrue(Verify.bc(algorithm.jcaName(), key, data, signature), "data, BC");
      byte[] hash = MessageDigest.getInstance(algorithm.digestName()).digest(data);
      byte[] hashSignature = t.card.signHash(2, hash);
      assertTrue(Verify.jdk(algorithm.jcaName(), key, data, hashSignature), "hash, JDK");
      assertTrue(Verify.bc(algorithm.jcaName(), key, data, hashSignature), "hash, BC");
    }
  }

  @ParameterizedTest(name = "P2 {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0x11, 0x12})
  void precomputedHashOfWrongLengthOrChainedIsRefused(int mode) throws Exception {
    TestCard t = TestCard.personalised();
    t.card.generateKey(0);
    t.expectSw(0x6700, 0x80, 0x50, 0, mode, new byte[40]);
    t.expectSw(0x6884, 0x90, 0x50, 0, mode, new byte[mode == 0x11 ? 32 : 48]);
    CommandDispatchTest.assertUsable(t);
  }
}
