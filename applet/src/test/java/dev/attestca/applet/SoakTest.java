package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attestca.host.AttestCard;
import dev.attestca.host.Curve;
import dev.attestca.host.SignatureAlgorithm;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many generate → sign → attest → verify cycles on one card, reusing its slots. Every signature
 * (SIGN, CMS, JWS) is checked under the JDK provider and Bouncy Castle; a failure is counted, never
 * retried. Excluded from the default run; {@code mvn -pl host,applet install -Dgroups=soak}.
 */
@Tag("soak")
class SoakTest {
  private static final int CYCLES = Integer.getInteger("attestca.soak.cycles", 10_000);

  @Test
  void cyclesProduceOnlyValidSignatures() throws Exception {
    TestCard t = TestCard.personalised();
    long start = System.nanoTime();
    int invalid = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CYCLES; i++) {
      int slot = i % AttestCard.SLOT_COUNT;
      Curve curve = (i / AttestCard.SLOT_COUNT) % 4 == 3 ? Curve.P384 : Curve.P256;
      ECPublicKey key = t.card.generateKey(slot, curve);
      byte[] data = TestPki.randomBytes(1 + i % 600);
      SignatureAlgorithm algorithm = SignatureAlgorithm.values()[i % 2];
      byte[] signature = t.card.sign(slot, data, algorithm);
      if (!Verify.jdk(algorithm.jcaName(), key, data, signature)
          || !Verify.bc(algorithm.jcaName(), key, data, signature)) {
        invalid++;
        failures.add("cycle " + i + ": SIGN " + algorithm + " on " + curve);
      }
      byte[] nonce = TestPki.randomBytes(8 + i % 57);
      try {
        CmsAttestationChecks.check(
            t.card.attestCms(slot, nonce), t.pki.attestationCertificate(), key, slot, nonce, 1);
        String jwsNonce = "soak-nonce-" + i;
        JwsAttestationChecks.check(
            t.card.attestJws(slot, jwsNonce, 1_700_000_000L + i),
            t.pki.attestationCertificate(),
            key,
            jwsNonce,
            1_700_000_000L + i);
      } catch (AssertionError e) {
        invalid++;
        failures.add("cycle " + i + ": attestation: " + e.getMessage());
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(
        "soak: %d cycles (generate, sign, CMS and JWS attestation, each verified with the JDK and"
            + " Bouncy Castle) in %d s, %d invalid%n",
        CYCLES, took.toSeconds(), invalid);
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())));
    assertEquals(0, invalid);
  }
}
