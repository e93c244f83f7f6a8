package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyPairGenerator;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The applet's DER constants and curve parameters, checked against BC and the JDK. */
class Asn1ConstantsTest {
  @Test
  void objectIdentifiersMatchBouncyCastle() throws Exception {
    assertArrayEquals(CMSObjectIdentifiers.signedData.getEncoded(), Asn1.OID_SIGNED_DATA);
    assertArrayEquals(CmsAttestationChecks.KEY_ATTESTATION.getEncoded(), Asn1.OID_KEY_ATTESTATION);
    assertArrayEquals(
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256).getEncoded(),
        Asn1.ALGORITHM_SHA256);
    assertArrayEquals(
        new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256).getEncoded(),
        Asn1.ALGORITHM_ECDSA_SHA256);
  }

  @Test
  void documentedContentOctetsOfIdAttestcaMatch() throws Exception {
    byte[] encoded =
        new ASN1ObjectIdentifier("2.25.174822898292409921572471212881234464813").getEncoded();
    assertEquals(
        "698287 85d59799e19aadf582ebc9f6dbcd86a02d".replace(" ", ""),
        java.util.HexFormat.of().formatHex(Arrays.copyOfRange(encoded, 2, encoded.length)));
  }

  @Test
  void signedAttributesHeadHasItsDeclaredLength() {
    assertEquals(Asn1.SIGNED_ATTRIBUTES_HEAD_LENGTH, Asn1.SIGNED_ATTRIBUTES_HEAD.length);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"secp256r1, 1", "secp384r1, 2"})
  void spkiHeadsMatchJdkEncodings(String curve, byte id) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
    byte[] head = id == Curves.P256 ? Asn1.SPKI_P256_HEAD : Asn1.SPKI_P384_HEAD;
    assertEquals(spki.length, head.length + Curves.pointBytes(id));
    assertArrayEquals(head, Arrays.copyOf(spki, head.length));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"secp256r1, 1", "secp384r1, 2"})
  void curveParametersMatchTheJdk(String curve, byte id) throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec(curve));
    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
    boolean p256 = id == Curves.P256;
    int n = Curves.fieldBytes(id);
    assertEquals(
        ((ECFieldFp) spec.getCurve().getField()).getP(),
        unsigned(p256 ? Curves.P256_P : Curves.P384_P));
    assertEquals(spec.getCurve().getA(), unsigned(p256 ? Curves.P256_A : Curves.P384_A));
    assertEquals(spec.getCurve().getB(), unsigned(p256 ? Curves.P256_B : Curves.P384_B));
    assertEquals(spec.getOrder(), unsigned(p256 ? Curves.P256_N : Curves.P384_N));
    byte[] g = p256 ? Curves.P256_G : Curves.P384_G;
    assertEquals(4, g[0]);
    assertEquals(spec.getGenerator().getAffineX(), unsigned(Arrays.copyOfRange(g, 1, 1 + n)));
    assertEquals(
        spec.getGenerator().getAffineY(), unsigned(Arrays.copyOfRange(g, 1 + n, 1 + 2 * n)));
  }

  private static BigInteger unsigned(byte[] bytes) {
    return new BigInteger(1, bytes);
  }
}
