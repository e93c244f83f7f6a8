package dev.attestca.verifier;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The signed content of a CMS key attestation: {@code KeyAttestation} of
 * docs/attestation-format.md, decoded from DER with Bouncy Castle's ASN.1 types.
 */
record KeyAttestation(
    int keySlot,
    SubjectPublicKeyInfo attestedKey,
    boolean generatedOnCard,
    boolean exportable,
    String userVerification,
    byte[] nonce,
    String appletVersion,
    String appletBuild) {

  private static final String[] USER_VERIFICATION = {"none", "pin"};

  static KeyAttestation decode(byte[] eContent) throws EnrollmentRejectedException {
    ASN1Primitive value = Der.decode(eContent, ReasonCode.ATTESTATION_MALFORMED, "KeyAttestation");
    ASN1Sequence seq = sequence(value, "KeyAttestation", 6);
    BigInteger version = integer(seq.getObjectAt(0), "KeyAttestation.version");
    if (!BigInteger.ONE.equals(version)) {
      throw AttestationStatement.malformed("KeyAttestation.version must be 1 (v1); got " + version);
    }
    BigInteger slot = integer(seq.getObjectAt(1), "KeyAttestation.keySlot");
    if (slot.signum() < 0 || slot.compareTo(BigInteger.valueOf(255)) > 0) {
      throw AttestationStatement.malformed("KeyAttestation.keySlot must be 0..255; got " + slot);
    }
    SubjectPublicKeyInfo key;
    try {
      key = SubjectPublicKeyInfo.getInstance(seq.getObjectAt(2));
    } catch (IllegalArgumentException e) {
      throw AttestationStatement.malformed(
          "KeyAttestation.attestedKey must be a SubjectPublicKeyInfo; " + e.getMessage(), e);
    }
    ASN1Sequence props = sequence(seq.getObjectAt(3), "KeyAttestation.keyProperties", 3);
    boolean generated = bool(props.getObjectAt(0), "keyProperties.generatedOnCard");
    boolean exportable = bool(props.getObjectAt(1), "keyProperties.exportable");
    if (!(props.getObjectAt(2) instanceof ASN1Enumerated uv)
        || uv.getValue().signum() < 0
        || uv.getValue().compareTo(BigInteger.valueOf(USER_VERIFICATION.length)) >= 0) {
      throw AttestationStatement.malformed(
          "keyProperties.userVerification must be ENUMERATED none(0) or pin(1); got "
              + (props.getObjectAt(2) instanceof ASN1Enumerated e ? e.getValue() : "another type"));
    }
    if (!(seq.getObjectAt(4) instanceof ASN1OctetString nonce)
        || nonce.getOctets().length < 8
        || nonce.getOctets().length > 64) {
      throw AttestationStatement.malformed(
          "KeyAttestation.nonce must be an OCTET STRING of 8..64 bytes; got "
              + describeLength(seq.getObjectAt(4)));
    }
    ASN1Sequence applet = sequence(seq.getObjectAt(5), "KeyAttestation.appletIdentity", 2);
    return new KeyAttestation(
        slot.intValue(),
        key,
        generated,
        exportable,
        USER_VERIFICATION[uv.getValue().intValue()],
        nonce.getOctets(),
        utf8(applet.getObjectAt(0), "appletIdentity.appletVersion", 32),
        utf8(applet.getObjectAt(1), "appletIdentity.appletBuild", 64));
  }

  private static ASN1Sequence sequence(ASN1Encodable value, String field, int size)
      throws EnrollmentRejectedException {
    if (!(value instanceof ASN1Sequence seq) || seq.size() != size) {
      throw AttestationStatement.malformed(
          field + " must be a SEQUENCE of " + size + " fields; got " + describeSize(value));
    }
    return seq;
  }

  private static BigInteger integer(ASN1Encodable value, String field)
      throws EnrollmentRejectedException {
    if (!(value instanceof ASN1Integer i)) {
      throw AttestationStatement.malformed(field + " must be an INTEGER");
    }
    return i.getValue();
  }

  private static boolean bool(ASN1Encodable value, String field)
      throws EnrollmentRejectedException {
    if (!(value instanceof ASN1Boolean b)) {
      throw AttestationStatement.malformed(field + " must be a BOOLEAN");
    }
    return b.isTrue();
  }

  private static String utf8(ASN1Encodable value, String field, int maxChars)
      throws EnrollmentRejectedException {
    if (!(value instanceof ASN1UTF8String s)) {
      throw AttestationStatement.malformed(field + " must be a UTF8String");
    }
    String text = s.getString();
    int chars = text.codePointCount(0, text.length());
    if (chars < 1 || chars > maxChars) {
      throw AttestationStatement.malformed(
          field + " must be 1.." + maxChars + " characters; got " + chars);
    }
    return text;
  }

  private static String describeSize(ASN1Encodable value) {
    return value instanceof ASN1Sequence seq
        ? "a SEQUENCE of " + seq.size()
        : value.toASN1Primitive().getClass().getSimpleName();
  }

  private static String describeLength(ASN1Encodable value) {
    return value instanceof ASN1OctetString o
        ? o.getOctets().length + " bytes"
        : value.toASN1Primitive().getClass().getSimpleName();
  }
}
