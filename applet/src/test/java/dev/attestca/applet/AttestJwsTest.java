package dev.attestca.applet;

import static dev.attestca.applet.TestCard.assertSw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attestca.host.AttestCard;
import dev.attestca.host.Curve;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ATTEST (JWS): the OpenID4VCI Appendix D key attestation, JSON and base64url made on the card. */
class AttestJwsTest {
  private static final int CLA = 0x80;
  private static final int INS_ATTEST_JWS = 0x62;

  @ParameterizedTest(name = "{0}, slot {1}, nonce {2}, iat {3}")
  @CsvSource({
    "P256, 0, abcdefgh, 0",
    "P384, 7, n-0S_1.2~3!#$%&'()*+/:;<=>?@[]^`{|}, 1767225600",
    "P256, 3, 0123456789012345678901234567890123456789012345678901234567890123, 999999999999"
  })
  void jwsVerifiesAndCarriesTheSlotKey(Curve curve, int slot, String nonce, long iat)
      throws Exception {
    TestCard t = TestCard.personalised();
    ECPublicKey key = t.card.generateKey(slot, curve);
    String jws = t.card.attestJws(slot, nonce, iat);
    JwsAttestationChecks.check(jws, t.pki.attestationCertificate(), key, nonce, iat);
  }

  @Test
  void everyCertificateLengthModuloThreeIsEncodedRight() throws Exception {
    Set<Integer> residues = new HashSet<>();
    for (int i = 0; residues.size() < 3 && i < 60; i++) {
      TestPki pki = TestPki.generate("CN=Attestation CA " + "x".repeat(i) + ",O=AttestCA Tests");
      int residue = pki.attestationCertificate().getEncoded().length % 3;
      if (!residues.add(residue)) {
        continue;
      }
      TestCard t = TestCard.blank();
      t.card.personalise(pki.attestationPrivateKey(), pki.attestationCertificate());
      t.card.verifyPin(AttestCard.DEFAULT_PIN.toCharArray());
      ECPublicKey key = t.card.generateKey(1);
      JwsAttestationChecks.check(
          t.card.attestJws(1, "residue-" + residue, 42L),
          pki.attestationCertificate(),
          key,
          "residue-" + residue,
          42L);
    }
    assertEquals(Set.of(0, 1, 2), residues);
  }

  @ParameterizedTest(name = "{0} → {2}")
  @CsvSource({
    "iat with a leading zero, '01|abcdefgh', 6A80",
    "iat with a letter, '1a|abcdefgh', 6A80",
    "nonce with a quote, '1|abcd\"efgh', 6A80",
    "nonce with a backslash, '1|abcd\\efgh', 6A80",
    "nonce with a space, '1|abcd efgh', 6A80",
    "nonce of 7 characters, '1|abcdefg', 6700",
    "iat of 13 digits, '1234567890123|abcdefgh', 6700",
    "iat of no digits, '|abcdefgh', 6700"
  })
  void malformedRequestIsRefused(String row, String request, String sw) throws Exception {
    TestCard t = TestCard.personalised();
    t.card.generateKey(0);
    String[] parts = request.split("\\|", -1);
    byte[] iat = parts[0].getBytes(StandardCharsets.US_ASCII);
    byte[] nonce = parts[1].getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[1 + iat.length + nonce.length];
    data[0] = (byte) iat.length;
    System.arraycopy(iat, 0, data, 1, iat.length);
    System.arraycopy(nonce, 0, data, 1 + iat.length, nonce.length);
    t.expectSw(Integer.parseInt(sw, 16), CLA, INS_ATTEST_JWS, 0, 0, data);
    CommandDispatchTest.assertUsable(t);
  }

  @Test
  void nonceOfSixtyFiveCharactersEmptyDataAndEmptySlotAreRefused() throws Exception {
    TestCard t = TestCard.personalised();
    assertSw(0x6A88, () -> t.card.attestJws(0, "abcdefgh", 1L));
    t.card.generateKey(0);
    assertSw(0x6700, () -> t.card.attestJws(0, "n".repeat(65), 1L));
    t.expectSw(0x6700, CLA, INS_ATTEST_JWS, 0, 0, null);
    t.expectSw(
        0x6A86,
        CLA,
        INS_ATTEST_JWS,
        0,
        1,
        new byte[] {1, '1', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'});
    CommandDispatchTest.assertUsable(t);
  }
}
