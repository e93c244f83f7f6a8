package dev.attestca.verifier;

import com.nimbusds.jose.JWSAlgorithm;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The signature algorithms on the allow-list: ECDSA with SHA-256 or SHA-384 (RFC 5758). */
enum EcdsaAlgorithm {
  SHA256(
      NISTObjectIdentifiers.id_sha256,
      X9ObjectIdentifiers.ecdsa_with_SHA256,
      "SHA256withECDSA",
      "SHA-256",
      JWSAlgorithm.ES256,
      VerificationPolicy.CURVE_P256),
  SHA384(
      NISTObjectIdentifiers.id_sha384,
      X9ObjectIdentifiers.ecdsa_with_SHA384,
      "SHA384withECDSA",
      "SHA-384",
      JWSAlgorithm.ES384,
      VerificationPolicy.CURVE_P384);

  final ASN1ObjectIdentifier digestOid;
  final ASN1ObjectIdentifier signatureOid;
  final String jcaSignature;
  final String jcaDigest;
  final JWSAlgorithm jose;
  final String joseCurve;

  EcdsaAlgorithm(
      ASN1ObjectIdentifier digestOid,
      ASN1ObjectIdentifier signatureOid,
      String jcaSignature,
      String jcaDigest,
      JWSAlgorithm jose,
      String joseCurve) {
    this.digestOid = digestOid;
    this.signatureOid = signatureOid;
    this.jcaSignature = jcaSignature;
    this.jcaDigest = jcaDigest;
    this.jose = jose;
    this.joseCurve = joseCurve;
  }

  /**
   * The algorithm of an ecdsa-with-SHA* identifier whose parameters are absent (RFC 5758 section
   * 3.2), or null.
   */
  static EcdsaAlgorithm bySignatureAlgorithm(AlgorithmIdentifier id) {
    for (EcdsaAlgorithm a : values()) {
      if (a.signatureOid.equals(id.getAlgorithm()) && id.getParameters() == null) {
        return a;
      }
    }
    return null;
  }

  /**
   * The algorithm of a SHA-2 digest identifier with absent or NULL parameters (RFC 5754 section 2
   * requires accepting both), or null.
   */
  static EcdsaAlgorithm byDigestAlgorithm(AlgorithmIdentifier id) {
    ASN1Encodable params = id.getParameters();
    boolean paramsOk = params == null || DERNull.INSTANCE.equals(params.toASN1Primitive());
    for (EcdsaAlgorithm a : values()) {
      if (a.digestOid.equals(id.getAlgorithm()) && paramsOk) {
        return a;
      }
    }
    return null;
  }

  /** The JOSE algorithm, or null when it is not ES256 or ES384. */
  static EcdsaAlgorithm byJose(JWSAlgorithm alg) {
    for (EcdsaAlgorithm a : values()) {
      if (a.jose.equals(alg)) {
        return a;
      }
    }
    return null;
  }

  static String describe(AlgorithmIdentifier id) {
    return id.getAlgorithm().getId()
        + (id.getParameters() == null ? "" : " with parameters present");
  }
}
