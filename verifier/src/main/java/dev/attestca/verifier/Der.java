package dev.attestca.verifier;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

/** Strict DER decoding with Bouncy Castle: the input must be exactly its own DER re-encoding. */
final class Der {
  private Der() {}

  /**
   * Decodes one DER value that fills {@code bytes} completely. BER forms (indefinite lengths,
   * non-minimal lengths, unsorted SET OF, non-canonical BOOLEAN) and trailing bytes are refused.
   */
  static ASN1Primitive decode(byte[] bytes, ReasonCode reason, String field)
      throws EnrollmentRejectedException {
    if (bytes == null || bytes.length == 0) {
      throw new EnrollmentRejectedException(reason, field + " must be a DER value; got 0 bytes");
    }
    ASN1Primitive value;
    try {
      value = ASN1Primitive.fromByteArray(bytes);
    } catch (IOException | RuntimeException e) {
      throw new EnrollmentRejectedException(
          reason, field + " must be a DER value; decoding failed: " + e.getMessage(), e);
    }
    requireDer(value, bytes, reason, field);
    return value;
  }

  /** Checks that {@code sent} is the DER encoding of {@code value}. */
  static void requireDer(ASN1Encodable value, byte[] sent, ReasonCode reason, String field)
      throws EnrollmentRejectedException {
    byte[] der = encode(value);
    if (!Arrays.equals(der, sent)) {
      throw new EnrollmentRejectedException(
          reason,
          field
              + " must be DER-encoded (definite minimal lengths, sorted SET OF, no trailing"
              + " bytes); its "
              + sent.length
              + " bytes differ from their "
              + der.length
              + "-byte DER form");
    }
  }

  /** The DER encoding of an already decoded value. */
  static byte[] encode(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER re-encoding of a decoded value failed", e);
    }
  }
}
