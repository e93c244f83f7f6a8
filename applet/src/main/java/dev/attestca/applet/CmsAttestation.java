package dev.attestca.applet;

import javacard.framework.Util;
import javacard.security.ECPublicKey;
import javacard.security.MessageDigest;
import javacard.security.Signature;

/**
 * Builds the CMS key attestation of docs/attestation-format.md in the work buffer.
 *
 * <p>The answer is three parts: everything before the certificate's bytes (built backwards at the
 * end of the work buffer), the certificate itself (sent from persistent memory, never copied to
 * RAM), and the {@code signerInfos} SET (built forwards at the start of the work buffer).
 */
final class CmsAttestation {
  /** SignerInfo bytes other than issuer and serial, at most (signature of 72 bytes). */
  private static final short SIGNER_INFO_OVERHEAD = 208;

  /** Room left for the certificate's issuer Name and serialNumber together. */
  static final short ISSUER_AND_SERIAL_MAX =
      (short) (Transients.TAIL_REGION - SIGNER_INFO_OVERHEAD);

  /** Room kept before the SignerInfo for its SEQUENCE and the SET headers. */
  private static final short TAIL_HEADER_ROOM = 8;

  /** KeyProperties.userVerification: pin(1), since signing with a slot key needs the PIN. */
  static final byte USER_VERIFICATION = 1;

  private final Persistent state;
  private final Transients ram;
  private final MessageDigest sha256;
  private final Signature ecdsaSha256;

  CmsAttestation(Persistent state, Transients ram, MessageDigest sha256, Signature ecdsaSha256) {
    this.state = state;
    this.ram = ram;
    this.sha256 = sha256;
    this.ecdsaSha256 = ecdsaSha256;
  }

  /**
   * Attests the key in a slot and makes the ContentInfo the pending answer.
   *
   * @param curve the curve of the slot's key (the slot is known to hold one)
   * @return the length of the answer
   */
  short build(byte slot, byte curve, byte[] nonce, short nonceOffset, byte nonceLength) {
    byte[] w = ram.work;
    short certificateLength = state.certificateLength;

    // certificates [0] IMPLICIT header, then KeyAttestation, both backwards from the end
    short end = Transients.WORK_LENGTH;
    short p = Der.prependHeader(w, end, Asn1.TAG_CONTEXT_0, certificateLength);
    short attestationEnd = p;
    p = writeKeyAttestation(w, p, slot, curve, nonce, nonceOffset, nonceLength);
    short attestationLength = (short) (attestationEnd - p);

    short tailStart = TAIL_HEADER_ROOM;
    short tailEnd = writeSignerInfo(w, tailStart, p, attestationLength);
    tailStart = Der.prependHeader(w, tailStart, Asn1.TAG_SEQUENCE, (short) (tailEnd - tailStart));
    tailStart = Der.prependHeader(w, tailStart, Asn1.TAG_SET, (short) (tailEnd - tailStart));
    short tailLength = (short) (tailEnd - tailStart);

    // encapContentInfo, digestAlgorithms, version
    p = Der.prependHeader(w, p, Asn1.TAG_OCTET_STRING, attestationLength);
    p = Der.prependHeader(w, p, Asn1.TAG_CONTEXT_0, (short) (attestationEnd - p));
    p = Der.prepend(w, p, Asn1.OID_KEY_ATTESTATION);
    p = Der.prependHeader(w, p, Asn1.TAG_SEQUENCE, (short) (attestationEnd - p));
    p = Der.prepend(w, p, Asn1.DIGEST_ALGORITHMS);
    p = Der.prepend(w, p, Asn1.SIGNED_DATA_VERSION);
    // SignedData, [0] EXPLICIT, ContentInfo: their content runs on past the certificate
    short outside = (short) (certificateLength + tailLength);
    p = Der.prependHeader(w, p, Asn1.TAG_SEQUENCE, (short) (end - p + outside));
    p = Der.prependHeader(w, p, Asn1.TAG_CONTEXT_0, (short) (end - p + outside));
    p = Der.prepend(w, p, Asn1.OID_SIGNED_DATA);
    p = Der.prependHeader(w, p, Asn1.TAG_SEQUENCE, (short) (end - p + outside));

    short headLength = (short) (end - p);
    short total = (short) (headLength + outside);
    ram.setAnswer(Transients.OUT_CMS, total, p, headLength, tailStart, tailLength);
    return total;
  }

  /** Writes KeyAttestation backwards so that it ends at {@code end}; returns its offset. */
  private short writeKeyAttestation(
      byte[] w,
      short end,
      byte slot,
      byte curve,
      byte[] nonce,
      short nonceOffset,
      byte nonceLength) {
    short p = end;
    short mark = p;
    p = Der.prepend(w, p, Identity.BUILD);
    p = Der.prependHeader(w, p, Asn1.TAG_UTF8_STRING, (short) Identity.BUILD.length);
    p = Der.prepend(w, p, Identity.VERSION);
    p = Der.prependHeader(w, p, Asn1.TAG_UTF8_STRING, (short) Identity.VERSION.length);
    p = Der.prependHeader(w, p, Asn1.TAG_SEQUENCE, (short) (mark - p));

    p = Der.prepend(w, p, nonce, nonceOffset, nonceLength);
    p = Der.prependHeader(w, p, Asn1.TAG_OCTET_STRING, nonceLength);

    p = Der.prepend(w, p, Asn1.KEY_PROPERTIES);
    w[(short) (p + Asn1.KEY_PROPERTIES.length - 1)] = USER_VERIFICATION;

    p -= Curves.pointBytes(curve);
    ((ECPublicKey) state.pair(slot, curve).getPublic()).getW(w, p);
    p = Der.prepend(w, p, curve == Curves.P256 ? Asn1.SPKI_P256_HEAD : Asn1.SPKI_P384_HEAD);

    w[--p] = slot;
    w[--p] = 1;
    w[--p] = Asn1.TAG_INTEGER;
    p = Der.prepend(w, p, Asn1.KEY_ATTESTATION_VERSION);
    return Der.prependHeader(w, p, Asn1.TAG_SEQUENCE, (short) (end - p));
  }

  /**
   * Writes the SignerInfo content forwards from {@code offset}: version, issuerAndSerialNumber,
   * digestAlgorithm, signedAttrs (digest of the KeyAttestation at {@code attestation}),
   * signatureAlgorithm and the signature.
   *
   * @return the offset after it
   */
  private short writeSignerInfo(byte[] w, short offset, short attestation, short length) {
    short q =
        Util.arrayCopyNonAtomic(
            Asn1.SIGNER_INFO_VERSION,
            (short) 0,
            w,
            offset,
            (short) Asn1.SIGNER_INFO_VERSION.length);
    q = Der.writeHeader(w, q, Asn1.TAG_SEQUENCE, (short) (state.issuerLength + state.serialLength));
    q = Util.arrayCopyNonAtomic(state.certificate, state.issuerOffset, w, q, state.issuerLength);
    q = Util.arrayCopyNonAtomic(state.certificate, state.serialOffset, w, q, state.serialLength);
    q =
        Util.arrayCopyNonAtomic(
            Asn1.ALGORITHM_SHA256, (short) 0, w, q, (short) Asn1.ALGORITHM_SHA256.length);

    short attributes = q;
    q =
        Util.arrayCopyNonAtomic(
            Asn1.SIGNED_ATTRIBUTES_HEAD, (short) 0, w, q, Asn1.SIGNED_ATTRIBUTES_HEAD_LENGTH);
    q += sha256.doFinal(w, attestation, length, w, q);
    q =
        Util.arrayCopyNonAtomic(
            Asn1.ALGORITHM_ECDSA_SHA256,
            (short) 0,
            w,
            q,
            (short) Asn1.ALGORITHM_ECDSA_SHA256.length);

    ecdsaSha256.init(state.attestationKey, Signature.MODE_SIGN);
    short signatureLength =
        ecdsaSha256.sign(w, attributes, Asn1.SIGNED_ATTRIBUTES_LENGTH, w, (short) (q + 2));
    w[q] = Asn1.TAG_OCTET_STRING;
    w[(short) (q + 1)] = (byte) signatureLength;
    // signed as SET OF, sent as [0] IMPLICIT
    w[attributes] = Asn1.TAG_CONTEXT_0;
    return (short) (q + 2 + signatureLength);
  }
}
