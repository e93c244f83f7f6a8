package dev.attestca.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.CryptoException;
import javacard.security.ECPrivateKey;
import javacard.security.ECPublicKey;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;

/**
 * All of the applet's persistent state: the attestation key and certificate, the key slots, and the
 * personalisation lock. Every object is created here, at install; key generation reuses the key
 * pairs of its slot.
 */
final class Persistent {
  /** Number of key slots. */
  static final byte SLOT_COUNT = 8;

  /** Largest attestation certificate the card stores, in bytes of DER. */
  static final short CERTIFICATE_MAX = 1536;

  /** The attestation key; set at personalisation. */
  final ECPrivateKey attestationKey;

  /** The public key of the attestation certificate, used once to check it matches the key. */
  final ECPublicKey certificateKey;

  /** The attestation certificate, DER, in {@code [0, certificateLength)}. */
  final byte[] certificate;

  /** Length of the complete certificate; 0 while none, or while one is being received. */
  short certificateLength;

  /** Offset and length of the certificate's issuer Name TLV. */
  short issuerOffset;

  short issuerLength;

  /** Offset and length of the certificate's serialNumber INTEGER TLV. */
  short serialOffset;

  short serialLength;

  /** Offset of the uncompressed P-256 point in the certificate's SubjectPublicKeyInfo. */
  short certificatePointOffset;

  boolean attestationKeySet;

  /** True once personalisation is locked; never false again. */
  boolean locked;

  /** The curve of each slot's key, {@link Curves#NONE} for an empty slot. */
  final byte[] slotCurves;

  private final KeyPair[] p256Pairs;
  private final KeyPair[] p384Pairs;

  /** True if the card could build P-384 keys at install. */
  final boolean p384Supported;

  Persistent() {
    attestationKey =
        (ECPrivateKey)
            KeyBuilder.buildKey(KeyBuilder.TYPE_EC_FP_PRIVATE, KeyBuilder.LENGTH_EC_FP_256, false);
    certificateKey =
        (ECPublicKey)
            KeyBuilder.buildKey(KeyBuilder.TYPE_EC_FP_PUBLIC, KeyBuilder.LENGTH_EC_FP_256, false);
    certificate = new byte[CERTIFICATE_MAX];
    slotCurves = new byte[SLOT_COUNT];
    p256Pairs = new KeyPair[SLOT_COUNT];
    p384Pairs = new KeyPair[SLOT_COUNT];
    for (byte slot = 0; slot < SLOT_COUNT; slot++) {
      p256Pairs[slot] = new KeyPair(KeyPair.ALG_EC_FP, KeyBuilder.LENGTH_EC_FP_256);
    }
    // Probe P-384: a card without it still installs, and says so in GET INFO.
    boolean p384 = true;
    try {
      for (byte slot = 0; slot < SLOT_COUNT; slot++) {
        p384Pairs[slot] = new KeyPair(KeyPair.ALG_EC_FP, KeyBuilder.LENGTH_EC_FP_384);
      }
    } catch (CryptoException e) {
      p384 = false;
    }
    p384Supported = p384;
  }

  /** True when the card can attest: a key and a certificate are stored and locked in. */
  boolean ready() {
    return locked;
  }

  /** The key pair object for a slot and curve; its keys are meaningful only if the slot says so. */
  KeyPair pair(byte slot, byte curve) {
    return curve == Curves.P256 ? p256Pairs[slot] : p384Pairs[slot];
  }

  /** The curve of a slot's key; refuses an empty slot with 6A88. */
  byte requireKey(byte slot) {
    byte curve = slotCurves[slot];
    if (curve == Curves.NONE) {
      ISOException.throwIt(AttestationApplet.SW_REFERENCED_DATA_NOT_FOUND);
    }
    return curve;
  }

  /**
   * Generates a new key pair in a slot. The slot reads as empty from the start until the new key is
   * complete, so an interrupted generation never leaves a half-made key in use.
   *
   * <p>The private scalar is then written back at the full field length. jcardsim keeps a generated
   * scalar whose first byte is zero (one key in 256) as a shorter value and then signs with it
   * wrongly; the soak test found this. On a card that already stores the full length this rewrites
   * the same value.
   *
   * @param scratch RAM of at least 48 bytes from offset 0, wiped afterwards
   */
  void generate(byte slot, byte curve, byte[] scratch) {
    clearSlot(slot);
    KeyPair pair = pair(slot, curve);
    ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
    Curves.setParameters((ECPublicKey) pair.getPublic(), curve);
    Curves.setParameters(privateKey, curve);
    pair.genKeyPair();
    short field = Curves.fieldBytes(curve);
    short length = privateKey.getS(scratch, (short) 0);
    if (length < field) {
      short pad = (short) (field - length);
      Util.arrayCopyNonAtomic(scratch, (short) 0, scratch, pad, length);
      Util.arrayFillNonAtomic(scratch, (short) 0, pad, (byte) 0);
      privateKey.setS(scratch, (short) 0, field);
    }
    Util.arrayFillNonAtomic(scratch, (short) 0, field, (byte) 0);
    slotCurves[slot] = curve;
  }

  /** Empties a slot and clears its keys. */
  void clearSlot(byte slot) {
    byte curve = slotCurves[slot];
    slotCurves[slot] = Curves.NONE;
    if (curve != Curves.NONE) {
      KeyPair pair = pair(slot, curve);
      pair.getPrivate().clearKey();
      pair.getPublic().clearKey();
    }
  }

  /** Stores the attestation private key scalar (P-256). */
  void setAttestationKey(byte[] buf, short offset) {
    attestationKeySet = false;
    Curves.setParameters(attestationKey, Curves.P256);
    attestationKey.setS(buf, offset, Curves.P256_FIELD_BYTES);
    attestationKeySet = true;
  }

  /**
   * Parses the received certificate of {@code length} bytes and, if it is an X.509 certificate with
   * a P-256 key whose issuer and serial fit in a SignerInfo, records where they are and makes it
   * the attestation certificate, in one transaction. Refuses anything else with 6A80.
   */
  void completeCertificate(short length) {
    byte[] c = certificate;
    short p = Der.contentOffset(c, (short) 0, length, Asn1.TAG_SEQUENCE);
    if (Der.end(c, (short) 0, length, Asn1.TAG_SEQUENCE) != length) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    short tbsEnd = Der.end(c, p, length, Asn1.TAG_SEQUENCE);
    p = Der.contentOffset(c, p, length, Asn1.TAG_SEQUENCE);
    if (c[p] == Asn1.TAG_CONTEXT_0) {
      p = Der.end(c, p, tbsEnd, Asn1.TAG_CONTEXT_0); // version
    }
    short serial = p;
    p = Der.end(c, p, tbsEnd, Asn1.TAG_INTEGER);
    short serialBytes = (short) (p - serial);
    p = Der.end(c, p, tbsEnd, Asn1.TAG_SEQUENCE); // signature algorithm
    short issuer = p;
    p = Der.end(c, p, tbsEnd, Asn1.TAG_SEQUENCE);
    short issuerBytes = (short) (p - issuer);
    p = Der.end(c, p, tbsEnd, Asn1.TAG_SEQUENCE); // validity
    p = Der.end(c, p, tbsEnd, Asn1.TAG_SEQUENCE); // subject
    short spkiEnd = Der.end(c, p, tbsEnd, Asn1.TAG_SEQUENCE);
    short head = (short) Asn1.SPKI_P256_HEAD.length;
    if ((short) (spkiEnd - p) != (short) (head + Curves.P256_POINT_BYTES)
        || Util.arrayCompare(c, p, Asn1.SPKI_P256_HEAD, (short) 0, head) != 0
        || (short) (issuerBytes + serialBytes) > CmsAttestation.ISSUER_AND_SERIAL_MAX) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    JCSystem.beginTransaction();
    serialOffset = serial;
    serialLength = serialBytes;
    issuerOffset = issuer;
    issuerLength = issuerBytes;
    certificatePointOffset = (short) (p + head);
    certificateLength = length;
    JCSystem.commitTransaction();
  }
}
