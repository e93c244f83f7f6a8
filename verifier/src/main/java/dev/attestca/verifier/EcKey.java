package dev.attestca.verifier;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An EC public key on P-256 or P-384 with a named curve and an uncompressed point that lies on the
 * curve (RFC 5480 section 2). Two keys are the same key when curve and decoded point are equal.
 */
record EcKey(String curveName, SubjectPublicKeyInfo spki, ECPoint point) {

  /** The curve's order n, for signature range checks. */
  BigInteger order() {
    return point.getCurve().getOrder();
  }

  /** Bytes of one coordinate or one signature half. */
  int fieldBytes() {
    return (point.getCurve().getFieldSize() + 7) / 8;
  }

  /** Same curve and same point. */
  boolean sameKeyAs(EcKey other) {
    return curveName.equals(other.curveName) && point.equals(other.point);
  }

  /** This key as a JCA key of the given provider. */
  PublicKey toJca(Provider provider) {
    try {
      KeyFactory factory = KeyFactory.getInstance("EC", provider);
      return factory.generatePublic(new X509EncodedKeySpec(spki.getEncoded(ASN1Encoding.DER)));
    } catch (NoSuchAlgorithmException e) {
      throw new VerifierConfigurationException(
          "provider " + provider.getName() + " has no EC KeyFactory", e);
    } catch (InvalidKeySpecException | IOException e) {
      throw new VerifierConfigurationException(
          "provider " + provider.getName() + " cannot load a validated " + curveName + " key", e);
    }
  }

  static String curveName(ASN1ObjectIdentifier oid) {
    if (X9ObjectIdentifiers.prime256v1.equals(oid)) {
      return VerificationPolicy.CURVE_P256;
    }
    if (SECObjectIdentifiers.secp384r1.equals(oid)) {
      return VerificationPolicy.CURVE_P384;
    }
    return null;
  }

  /**
   * Decodes and validates a key.
   *
   * @param field the field named in a rejection, e.g. "CSR subjectPublicKeyInfo"
   * @param malformed the code for an encoding error (point off the curve, wrong length)
   * @param notAllowed the code for a key that is not EC or not on an allowed curve
   * @param allowedCurves the curve names accepted here
   */
  static EcKey decode(
      SubjectPublicKeyInfo spki,
      String field,
      ReasonCode malformed,
      ReasonCode notAllowed,
      Set<String> allowedCurves)
      throws EnrollmentRejectedException {
    ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      throw new EnrollmentRejectedException(
          notAllowed, field + " algorithm must be id-ecPublicKey; got " + algorithm.getId());
    }
    ASN1Encodable parameters = spki.getAlgorithm().getParameters();
    if (parameters instanceof ASN1Sequence) {
      throw new EnrollmentRejectedException(
          ReasonCode.KEY_CURVE_PARAMETERS_EXPLICIT,
          field + " parameters must name a curve (namedCurve OID); got explicit ECParameters");
    }
    if (!(parameters instanceof ASN1ObjectIdentifier curveOid)) {
      throw new EnrollmentRejectedException(
          malformed, field + " parameters must be a namedCurve OID; got " + describe(parameters));
    }
    String curve = curveName(curveOid);
    if (curve == null || !allowedCurves.contains(curve)) {
      throw new EnrollmentRejectedException(
          notAllowed,
          field
              + " curve must be one of "
              + allowedCurves
              + "; got "
              + (curve == null ? curveOid.getId() : curve));
    }
    X9ECParameters params = CustomNamedCurves.getByOID(curveOid);
    return new EcKey(curve, spki, decodePoint(spki, params, curve, field, malformed));
  }

  private static ECPoint decodePoint(
      SubjectPublicKeyInfo spki,
      X9ECParameters params,
      String curve,
      String field,
      ReasonCode malformed)
      throws EnrollmentRejectedException {
    if (spki.getPublicKeyData().getPadBits() != 0) {
      throw new EnrollmentRejectedException(
          malformed, field + " subjectPublicKey must have 0 unused bits");
    }
    byte[] encoded = spki.getPublicKeyData().getOctets();
    int coordinate = (params.getCurve().getFieldSize() + 7) / 8;
    if (encoded.length > 0 && (encoded[0] == 0x02 || encoded[0] == 0x03)) {
      throw new EnrollmentRejectedException(
          ReasonCode.KEY_POINT_COMPRESSED,
          field
              + " point must be uncompressed (0x04 || X || Y); got compressed form 0x0"
              + encoded[0]);
    }
    if (encoded.length != 1 + 2 * coordinate || encoded[0] != 0x04) {
      throw new EnrollmentRejectedException(
          malformed,
          field
              + " point must be 0x04 followed by two "
              + coordinate
              + "-byte coordinates on "
              + curve
              + "; got "
              + encoded.length
              + " bytes");
    }
    try {
      ECPoint point = params.getCurve().decodePoint(encoded);
      if (point.isInfinity() || !point.isValid()) {
        throw new IllegalArgumentException("point at infinity or invalid");
      }
      return point.normalize();
    } catch (IllegalArgumentException e) {
      throw new EnrollmentRejectedException(
          malformed, field + " point must lie on " + curve + "; it does not", e);
    }
  }

  private static String describe(ASN1Encodable parameters) {
    return parameters == null ? "absent" : parameters.toASN1Primitive().getClass().getSimpleName();
  }
}
