package dev.attestca.verifier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * ECDSA verification with strict encodings: DER {@code SEQUENCE { r, s }} for X.509, PKCS#10 and
 * CMS (RFC 5480, RFC 5753); exact-length raw {@code r || s} for JWS (RFC 7518 section 3.4). In
 * both, {@code 1 <= r, s < n} is checked before the provider sees the signature. Thread-safe.
 */
final class EcdsaSignatures {
  private final Provider provider;

  /**
   * @param provider the JCA provider that verifies signatures (Bouncy Castle or SunEC)
   */
  EcdsaSignatures(Provider provider) {
    this.provider = provider;
  }

  Provider provider() {
    return provider;
  }

  /** Verifies a DER-encoded ECDSA signature or throws a rejection with {@code reason}. */
  void verifyDer(
      EcKey key,
      EcdsaAlgorithm algorithm,
      byte[] data,
      byte[] signature,
      ReasonCode reason,
      String field)
      throws EnrollmentRejectedException {
    BigInteger[] rs = decodeDer(signature, reason, field);
    checkRange(rs, key, reason, field);
    boolean ok;
    try {
      Signature verifier = Signature.getInstance(algorithm.jcaSignature, provider);
      verifier.initVerify(key.toJca(provider));
      verifier.update(data);
      ok = verifier.verify(signature);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new VerifierConfigurationException(
          "provider " + provider.getName() + " cannot verify " + algorithm.jcaSignature, e);
    } catch (SignatureException e) {
      throw new EnrollmentRejectedException(
          reason, field + " must verify; the provider refused it: " + e.getMessage(), e);
    }
    if (!ok) {
      throw new EnrollmentRejectedException(
          reason, field + " must verify with the " + key.curveName() + " key; it does not");
    }
  }

  /**
   * Verifies a JWS ECDSA signature ({@code r || s}) with Nimbus or throws a rejection with {@code
   * reason}. The header's {@code alg} must already be checked against the key's curve.
   */
  void verifyJose(
      EcKey key,
      EcdsaAlgorithm algorithm,
      JWSHeader header,
      byte[] signingInput,
      Base64URL signature,
      ReasonCode reason,
      String field)
      throws EnrollmentRejectedException {
    byte[] raw = signature.decode();
    int half = key.fieldBytes();
    if (raw.length != 2 * half) {
      throw new EnrollmentRejectedException(
          reason,
          field
              + " must be exactly "
              + 2 * half
              + " bytes (r || s) for "
              + algorithm.jose
              + "; got "
              + raw.length);
    }
    BigInteger[] rs = {
      new BigInteger(1, Arrays.copyOfRange(raw, 0, half)),
      new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length))
    };
    checkRange(rs, key, reason, field);
    boolean ok;
    try {
      ECDSAVerifier verifier = new ECDSAVerifier((ECPublicKey) key.toJca(provider));
      verifier.getJCAContext().setProvider(provider);
      ok = verifier.verify(header, signingInput, signature);
    } catch (JOSEException e) {
      throw new VerifierConfigurationException(
          "Nimbus cannot verify " + algorithm.jose + " with provider " + provider.getName(), e);
    }
    if (!ok) {
      throw new EnrollmentRejectedException(
          reason, field + " must verify with the " + key.curveName() + " key; it does not");
    }
  }

  private static BigInteger[] decodeDer(byte[] signature, ReasonCode reason, String field)
      throws EnrollmentRejectedException {
    String rule = field + " must be a DER SEQUENCE { r INTEGER, s INTEGER }";
    ASN1Primitive value;
    try {
      value = ASN1Primitive.fromByteArray(signature);
    } catch (IOException | RuntimeException e) {
      throw new EnrollmentRejectedException(reason, rule + "; decoding failed", e);
    }
    if (!(value instanceof ASN1Sequence seq)
        || seq.size() != 2
        || !(seq.getObjectAt(0) instanceof ASN1Integer r)
        || !(seq.getObjectAt(1) instanceof ASN1Integer s)) {
      throw new EnrollmentRejectedException(reason, rule + "; got another structure");
    }
    Der.requireDer(value, signature, reason, field);
    return new BigInteger[] {r.getValue(), s.getValue()};
  }

  private static void checkRange(BigInteger[] rs, EcKey key, ReasonCode reason, String field)
      throws EnrollmentRejectedException {
    BigInteger n = key.order();
    for (int i = 0; i < 2; i++) {
      if (rs[i].signum() <= 0 || rs[i].compareTo(n) >= 0) {
        throw new EnrollmentRejectedException(
            reason,
            field
                + " "
                + (i == 0 ? "r" : "s")
                + " must satisfy 1 <= value < n of "
                + key.curveName()
                + "; it does not");
      }
    }
  }

  /** The digest of {@code data}, computed with the library's Bouncy Castle instance. */
  static byte[] digest(EcdsaAlgorithm algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm.jcaDigest, Providers.bouncyCastle()).digest(data);
    } catch (GeneralSecurityException e) {
      throw new VerifierConfigurationException("no " + algorithm.jcaDigest + " digest", e);
    }
  }
}
