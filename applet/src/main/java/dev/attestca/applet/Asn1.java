package dev.attestca.applet;

/**
 * DER encodings the attestation is assembled from, each a whole TLV unless its name says otherwise.
 * The OIDs are those of docs/attestation-format.md; a unit test checks each against Bouncy Castle's
 * encoder.
 */
final class Asn1 {
  static final byte TAG_BOOLEAN = 0x01;
  static final byte TAG_INTEGER = 0x02;
  static final byte TAG_BIT_STRING = 0x03;
  static final byte TAG_OCTET_STRING = 0x04;
  static final byte TAG_OID = 0x06;
  static final byte TAG_ENUMERATED = 0x0A;
  static final byte TAG_UTF8_STRING = 0x0C;
  static final byte TAG_SEQUENCE = 0x30;
  static final byte TAG_SET = 0x31;
  static final byte TAG_CONTEXT_0 = (byte) 0xA0;

  /** id-signedData, 1.2.840.113549.1.7.2. */
  static final byte[] OID_SIGNED_DATA = {
    0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02
  };

  /** id-attestca-ct-keyAttestation, 2.25.174822898292409921572471212881234464813.1.1. */
  static final byte[] OID_KEY_ATTESTATION = {
    0x06,
    0x16,
    0x69,
    (byte) 0x82,
    (byte) 0x87,
    (byte) 0x85,
    (byte) 0xD5,
    (byte) 0x97,
    (byte) 0x99,
    (byte) 0xE1,
    (byte) 0x9A,
    (byte) 0xAD,
    (byte) 0xF5,
    (byte) 0x82,
    (byte) 0xEB,
    (byte) 0xC9,
    (byte) 0xF6,
    (byte) 0xDB,
    (byte) 0xCD,
    (byte) 0x86,
    (byte) 0xA0,
    0x2D,
    0x01,
    0x01
  };

  /** SignedData.version 3. */
  static final byte[] SIGNED_DATA_VERSION = {TAG_INTEGER, 0x01, 0x03};

  /** SignerInfo.version 1 (issuerAndSerialNumber). */
  static final byte[] SIGNER_INFO_VERSION = {TAG_INTEGER, 0x01, 0x01};

  /** KeyAttestation.version v1. */
  static final byte[] KEY_ATTESTATION_VERSION = {TAG_INTEGER, 0x01, 0x01};

  /** AlgorithmIdentifier { id-sha256 }, parameters absent. */
  static final byte[] ALGORITHM_SHA256 = {
    0x30, 0x0B, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01
  };

  /** SignedData.digestAlgorithms: SET { AlgorithmIdentifier { id-sha256 } }. */
  static final byte[] DIGEST_ALGORITHMS = {
    0x31, 0x0D, 0x30, 0x0B, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01
  };

  /** AlgorithmIdentifier { ecdsa-with-SHA256 }, parameters absent. */
  static final byte[] ALGORITHM_ECDSA_SHA256 = {
    0x30, 0x0A, 0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02
  };

  /**
   * The signed attributes, DER-sorted, with the SET OF tag the signature covers, up to and without
   * the 32 bytes of the message digest that end them: SET { contentType =
   * id-attestca-ct-keyAttestation, messageDigest = OCTET STRING (32 bytes) }.
   */
  static final byte[] SIGNED_ATTRIBUTES_HEAD = {
    0x31,
    0x58,
    // contentType
    0x30,
    0x25,
    0x06,
    0x09,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xF7,
    0x0D,
    0x01,
    0x09,
    0x03,
    0x31,
    0x18,
    0x06,
    0x16,
    0x69,
    (byte) 0x82,
    (byte) 0x87,
    (byte) 0x85,
    (byte) 0xD5,
    (byte) 0x97,
    (byte) 0x99,
    (byte) 0xE1,
    (byte) 0x9A,
    (byte) 0xAD,
    (byte) 0xF5,
    (byte) 0x82,
    (byte) 0xEB,
    (byte) 0xC9,
    (byte) 0xF6,
    (byte) 0xDB,
    (byte) 0xCD,
    (byte) 0x86,
    (byte) 0xA0,
    0x2D,
    0x01,
    0x01,
    // messageDigest
    0x30,
    0x2F,
    0x06,
    0x09,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xF7,
    0x0D,
    0x01,
    0x09,
    0x04,
    0x31,
    0x22,
    0x04,
    0x20
  };

  static final short SHA256_BYTES = 32;

  /** The length of {@link #SIGNED_ATTRIBUTES_HEAD}. */
  static final short SIGNED_ATTRIBUTES_HEAD_LENGTH = 58;

  /** The length of the whole signed attributes TLV, digest included. */
  static final short SIGNED_ATTRIBUTES_LENGTH =
      (short) (SIGNED_ATTRIBUTES_HEAD_LENGTH + SHA256_BYTES);

  /** SubjectPublicKeyInfo of a P-256 key up to the uncompressed point (BIT STRING, 0 unused). */
  static final byte[] SPKI_P256_HEAD = {
    0x30,
    0x59,
    0x30,
    0x13,
    0x06,
    0x07,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0xCE,
    0x3D,
    0x02,
    0x01,
    0x06,
    0x08,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0xCE,
    0x3D,
    0x03,
    0x01,
    0x07,
    0x03,
    0x42,
    0x00
  };

  /** SubjectPublicKeyInfo of a P-384 key up to the uncompressed point. */
  static final byte[] SPKI_P384_HEAD = {
    0x30,
    0x76,
    0x30,
    0x10,
    0x06,
    0x07,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0xCE,
    0x3D,
    0x02,
    0x01,
    0x06,
    0x05,
    0x2B,
    (byte) 0x81,
    0x04,
    0x00,
    0x22,
    0x03,
    0x62,
    0x00
  };

  /**
   * KeyProperties { generatedOnCard TRUE, exportable FALSE, userVerification } with the last byte,
   * the ENUMERATED value, to be set.
   */
  static final byte[] KEY_PROPERTIES = {
    0x30, 0x09, TAG_BOOLEAN, 0x01, (byte) 0xFF, TAG_BOOLEAN, 0x01, 0x00, TAG_ENUMERATED, 0x01, 0x00
  };

  private Asn1() {}
}
