package dev.attestca.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.CryptoException;
import javacard.security.ECPublicKey;
import javacard.security.MessageDigest;
import javacard.security.Signature;

/**
 * The AttestCA applet: key slots whose keys are generated on the card, signing with them, and
 * attestations of them signed by the card's attestation key. The commands are described in
 * docs/apdu-reference.md, the attestations in docs/attestation-format.md.
 *
 * <p>Every command takes one path: the header is parsed once in {@link #process}, a handler leaves
 * its answer in the work buffer of {@link Transients}, and {@link #sendAnswer} sends it, with 61xx
 * and GET RESPONSE for answers longer than one response.
 */
public final class AttestationApplet extends Applet {
  /** The AID the applet is meant to be installed under: F0 "ATTESTCA" 01. */
  static final byte[] AID = {(byte) 0xF0, 'A', 'T', 'T', 'E', 'S', 'T', 'C', 'A', 0x01};

  static final byte CLA_ISO = 0x00;
  static final byte CLA_PROPRIETARY = (byte) 0x80;
  private static final byte CLA_CHAINING = 0x10;
  private static final byte CLA_SECURE_MESSAGING = 0x0C;
  private static final byte CLA_CLASS_BITS = (byte) 0xE0;

  static final byte INS_GET_INFO = 0x02;
  static final byte INS_PERSONALISE = 0x10;
  static final byte INS_LOCK = 0x12;
  static final byte INS_GENERATE_KEY = 0x40;
  static final byte INS_PUBLIC_KEY = 0x42;
  static final byte INS_DELETE_KEY = 0x44;
  static final byte INS_LIST_KEYS = 0x46;
  static final byte INS_SIGN = 0x50;
  static final byte INS_ATTEST_CMS = 0x60;
  static final byte INS_ATTEST_JWS = 0x62;
  static final byte INS_VERIFY = 0x20;
  static final byte INS_CHANGE_REFERENCE_DATA = 0x24;
  static final byte INS_RESET_RETRY_COUNTER = 0x2C;
  static final byte INS_GET_RESPONSE = (byte) 0xC0;

  /** P2 of VERIFY, CHANGE REFERENCE DATA and RESET RETRY COUNTER: the user PIN. */
  static final byte PIN_REFERENCE = (byte) 0x81;

  static final byte PERSONALISE_P1_ATTESTATION_KEY = 0x01;
  static final byte PERSONALISE_P1_ATTESTATION_CERTIFICATE = 0x02;
  static final byte PERSONALISE_P1_PIN = 0x03;
  static final byte PERSONALISE_P1_PUK = 0x04;
  static final byte SIGN_P2_SHA256 = 0x01;
  static final byte SIGN_P2_SHA384 = 0x02;
  static final byte SIGN_P2_PRECOMPUTED_SHA256 = 0x11;
  static final byte SIGN_P2_PRECOMPUTED_SHA384 = 0x12;
  private static final short SHA384_BYTES = 48;

  /** GET INFO tags. */
  static final byte INFO_TAG_VERSION = (byte) 0x80;

  static final byte INFO_TAG_BUILD = (byte) 0x81;
  static final byte INFO_TAG_ALGORITHMS = (byte) 0x82;
  static final byte INFO_TAG_SLOTS = (byte) 0x83;
  static final byte INFO_TAG_PIN = (byte) 0x84;
  static final byte INFO_TAG_PERSONALISATION = (byte) 0x85;

  /** GET INFO algorithm bits. */
  static final byte ALGORITHM_P256 = 0x01;

  static final byte ALGORITHM_P384 = 0x02;
  static final byte ALGORITHM_ECDSA_SHA256 = 0x04;
  static final byte ALGORITHM_ECDSA_SHA384 = 0x08;
  static final byte ALGORITHM_PRECOMPUTED_HASH = 0x10;

  /** GET INFO personalisation bits. */
  static final byte PERSONALISED_KEY = 0x01;

  static final byte PERSONALISED_CERTIFICATE = 0x02;
  static final byte PERSONALISED_LOCKED = (byte) 0x80;

  static final byte NONCE_MIN = 8;
  static final byte NONCE_MAX = 64;

  /** ISO 7816-4: referenced data or reference data not found (an empty key slot). */
  static final short SW_REFERENCED_DATA_NOT_FOUND = 0x6A88;

  /** A CryptoException, with its reason code in SW2. */
  static final short SW_CRYPTO_BASE = 0x6F00;

  /** ISO 7816-4: SW2 more bytes are available with GET RESPONSE (00: 256 or more). */
  private static final short SW_BYTES_REMAINING = 0x6100;

  /** The most response data one APDU carries. */
  private static final short RESPONSE_MAX = 256;

  private final Persistent state;
  private final Transients ram;
  private final Pins pins;
  private final Signature ecdsaSha256;

  /** Null on a card without ECDSA with SHA-384. */
  private final Signature ecdsaSha384;

  private final CmsAttestation cms;
  private final JwsAttestation jws;

  /** {@code ALGORITHM_*} bits, probed at install. */
  private final byte algorithms;

  private AttestationApplet() {
    state = new Persistent();
    ram = new Transients();
    pins = new Pins();
    MessageDigest sha256 = MessageDigest.getInstance(MessageDigest.ALG_SHA_256, false);
    ecdsaSha256 = Signature.getInstance(Signature.ALG_ECDSA_SHA_256, false);
    Signature sha384 = null;
    try {
      sha384 = Signature.getInstance(Signature.ALG_ECDSA_SHA_384, false);
    } catch (CryptoException e) {
      sha384 = null;
    }
    ecdsaSha384 = sha384;
    cms = new CmsAttestation(state, ram, sha256, ecdsaSha256);
    jws = new JwsAttestation(state, ram, ecdsaSha256);
    byte found = (byte) (ALGORITHM_P256 | ALGORITHM_ECDSA_SHA256);
    if (state.p384Supported) {
      found |= ALGORITHM_P384;
    }
    if (ecdsaSha384 != null) {
      found |= ALGORITHM_ECDSA_SHA384;
    }
    if (probePrecomputedHash()) {
      found |= ALGORITHM_PRECOMPUTED_HASH;
    }
    algorithms = found;
  }

  /** Signs a zero hash with a throw-away key in slot 0 (then cleared) to see if the card can. */
  private boolean probePrecomputedHash() {
    boolean supported = true;
    try {
      state.generate((byte) 0, Curves.P256, ram.work);
      ecdsaSha256.init(state.pair((byte) 0, Curves.P256).getPrivate(), Signature.MODE_SIGN);
      ecdsaSha256.signPreComputedHash(
          ram.work, (short) 0, Asn1.SHA256_BYTES, ram.work, Asn1.SHA256_BYTES);
    } catch (CryptoException e) {
      supported = false;
    }
    state.clearSlot((byte) 0);
    Util.arrayFillNonAtomic(ram.work, (short) 0, Transients.WORK_LENGTH, (byte) 0);
    return supported;
  }

  /**
   * Installs the applet; {@code bArray} holds GlobalPlatform install parameters, starting with the
   * length-prefixed instance AID.
   */
  public static void install(byte[] bArray, short bOffset, byte bLength) {
    new AttestationApplet().register(bArray, (short) (bOffset + 1), bArray[bOffset]);
  }

  @Override
  public void process(APDU apdu) {
    byte[] buf = apdu.getBuffer();
    if (selectingApplet()) {
      ram.clearAnswer();
      ram.clearChain();
      info();
      sendAnswer(apdu);
      return;
    }
    byte cla = buf[ISO7816.OFFSET_CLA];
    byte ins = buf[ISO7816.OFFSET_INS];
    byte p1 = buf[ISO7816.OFFSET_P1];
    byte p2 = buf[ISO7816.OFFSET_P2];
    if ((cla & CLA_SECURE_MESSAGING) != 0) {
      ISOException.throwIt(ISO7816.SW_SECURE_MESSAGING_NOT_SUPPORTED);
    }
    boolean chained = (cla & CLA_CHAINING) != 0;
    byte classByte = (byte) (cla & CLA_CLASS_BITS);
    if (classByte != CLA_ISO && classByte != CLA_PROPRIETARY) {
      ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
    }
    if (ins != INS_GET_RESPONSE) {
      ram.clearAnswer();
    }
    if (!ram.continuesChain(ins, p1, p2)) {
      ram.clearChain();
    }
    short length = apdu.setIncomingAndReceive();
    if (length != apdu.getIncomingLength()) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    short data = apdu.getOffsetCdata();
    try {
      dispatch(classByte, chained, ins, p1, p2, buf, data, length);
    } catch (CryptoException e) {
      ram.clearChain();
      ISOException.throwIt((short) (SW_CRYPTO_BASE | e.getReason()));
    }
    sendAnswer(apdu);
  }

  @Override
  public void deselect() {
    pins.pin.reset();
  }

  private void dispatch(
      byte classByte,
      boolean chained,
      byte ins,
      byte p1,
      byte p2,
      byte[] buf,
      short data,
      short length) {
    if (ins == INS_GET_RESPONSE) {
      requireUnchained(chained);
      if (ram.answerKind() == Transients.OUT_NONE) {
        ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
      }
      return;
    }
    if (ins == INS_VERIFY || ins == INS_CHANGE_REFERENCE_DATA || ins == INS_RESET_RETRY_COUNTER) {
      if (classByte != CLA_ISO) {
        ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
      }
      requireUnchained(chained);
      pinCommand(ins, p1, p2, buf, data, length);
      return;
    }
    if (classByte != CLA_PROPRIETARY) {
      ISOException.throwIt(
          isProprietary(ins) ? ISO7816.SW_CLA_NOT_SUPPORTED : ISO7816.SW_INS_NOT_SUPPORTED);
    }
    switch (ins) {
      case INS_GET_INFO:
        requireUnchained(chained);
        requireP1P2(p1, p2, (byte) 0, (byte) 0);
        requireLength(length, (short) 0);
        info();
        break;
      case INS_PERSONALISE:
        personalise(chained, p1, p2, buf, data, length);
        break;
      case INS_LOCK:
        requireUnchained(chained);
        lock(p1, p2, length);
        break;
      case INS_GENERATE_KEY:
        requireUnchained(chained);
        generateKey(p1, p2, length);
        break;
      case INS_PUBLIC_KEY:
        requireUnchained(chained);
        publicKey(p1, p2, length);
        break;
      case INS_DELETE_KEY:
        requireUnchained(chained);
        deleteKey(p1, p2, length);
        break;
      case INS_LIST_KEYS:
        requireUnchained(chained);
        listKeys(p1, p2, length);
        break;
      case INS_SIGN:
        sign(chained, p1, p2, buf, data, length);
        break;
      case INS_ATTEST_CMS:
        requireUnchained(chained);
        attestCms(p1, p2, buf, data, length);
        break;
      case INS_ATTEST_JWS:
        requireUnchained(chained);
        attestJws(p1, p2, buf, data, length);
        break;
      default:
        ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
  }

  private static boolean isProprietary(byte ins) {
    return ins == INS_GET_INFO
        || ins == INS_PERSONALISE
        || ins == INS_LOCK
        || ins == INS_DELETE_KEY
        || ins == INS_LIST_KEYS
        || ins == INS_ATTEST_JWS
        || ins == INS_GENERATE_KEY
        || ins == INS_PUBLIC_KEY
        || ins == INS_SIGN
        || ins == INS_ATTEST_CMS;
  }

  // --- personalisation

  private void personalise(
      boolean chained, byte p1, byte p2, byte[] buf, short data, short length) {
    if (state.locked) {
      ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
    }
    if (p2 != 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    if (p1 == PERSONALISE_P1_ATTESTATION_KEY) {
      requireUnchained(chained);
      requireLength(length, Curves.P256_FIELD_BYTES);
      state.setAttestationKey(buf, data);
    } else if (p1 == PERSONALISE_P1_ATTESTATION_CERTIFICATE) {
      receiveCertificate(chained, p1, p2, buf, data, length);
    } else if (p1 == PERSONALISE_P1_PIN || p1 == PERSONALISE_P1_PUK) {
      requireUnchained(chained);
      requireLength(length, Pins.FIELD_BYTES);
      boolean pin = p1 == PERSONALISE_P1_PIN;
      Pins.requireWellFormed(buf, data, pin ? Pins.PIN_MIN_DIGITS : Pins.FIELD_BYTES);
      (pin ? pins.pin : pins.puk).update(buf, data, Pins.FIELD_BYTES);
    } else {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
  }

  private void receiveCertificate(
      boolean chained, byte p1, byte p2, byte[] buf, short data, short length) {
    short offset = 0;
    if (ram.continuesChain(INS_PERSONALISE, p1, p2)) {
      offset = ram.chainOffset();
    }
    ram.clearChain();
    if (offset == 0) {
      state.certificateLength = 0;
    }
    if (length > (short) (Persistent.CERTIFICATE_MAX - offset)) {
      ISOException.throwIt(ISO7816.SW_FILE_FULL);
    }
    Util.arrayCopyNonAtomic(buf, data, state.certificate, offset, length);
    offset += length;
    if (chained) {
      ram.setChain(INS_PERSONALISE, p1, p2, offset);
    } else {
      state.completeCertificate(offset);
    }
  }

  private void lock(byte p1, byte p2, short length) {
    if (state.locked) {
      ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
    }
    requireP1P2(p1, p2, (byte) 0, (byte) 0);
    requireLength(length, (short) 0);
    if (!state.attestationKeySet || state.certificateLength == 0 || !keyMatchesCertificate()) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    state.locked = true;
  }

  /** Signs the certificate's first bytes with the attestation key and checks the certificate. */
  private boolean keyMatchesCertificate() {
    ECPublicKey key = state.certificateKey;
    Curves.setParameters(key, Curves.P256);
    key.setW(state.certificate, state.certificatePointOffset, Curves.P256_POINT_BYTES);
    byte[] w = ram.work;
    short sample = 32;
    ecdsaSha256.init(state.attestationKey, Signature.MODE_SIGN);
    short signatureLength = ecdsaSha256.sign(state.certificate, (short) 0, sample, w, (short) 0);
    ecdsaSha256.init(key, Signature.MODE_VERIFY);
    boolean valid =
        ecdsaSha256.verify(state.certificate, (short) 0, sample, w, (short) 0, signatureLength);
    Util.arrayFillNonAtomic(w, (short) 0, signatureLength, (byte) 0);
    return valid;
  }

  // --- keys

  private void generateKey(byte slot, byte curve, short length) {
    requireReady();
    requireSlot(slot);
    requirePin();
    if (curve == Curves.P384) {
      if (!state.p384Supported) {
        ISOException.throwIt(ISO7816.SW_FUNC_NOT_SUPPORTED);
      }
    } else if (curve != Curves.P256) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    requireLength(length, (short) 0);
    state.generate(slot, curve, ram.work);
    answerPublicKey(slot, curve);
  }

  private void publicKey(byte slot, byte p2, short length) {
    requireReady();
    requireSlot(slot);
    if (p2 != 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    requireLength(length, (short) 0);
    answerPublicKey(slot, state.requireKey(slot));
  }

  private void deleteKey(byte slot, byte p2, short length) {
    requireReady();
    requireSlot(slot);
    requirePin();
    if (p2 != 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    requireLength(length, (short) 0);
    state.requireKey(slot);
    state.clearSlot(slot);
  }

  /** Answers (slot, curve) for each slot that holds a key, in slot order. */
  private void listKeys(byte p1, byte p2, short length) {
    requireReady();
    requireP1P2(p1, p2, (byte) 0, (byte) 0);
    requireLength(length, (short) 0);
    byte[] w = ram.work;
    short n = 0;
    for (byte slot = 0; slot < Persistent.SLOT_COUNT; slot++) {
      byte curve = state.slotCurves[slot];
      if (curve != Curves.NONE) {
        w[n++] = slot;
        w[n++] = curve;
      }
    }
    ram.answerFromWork((short) 0, n);
  }

  private void answerPublicKey(byte slot, byte curve) {
    short n = ((ECPublicKey) state.pair(slot, curve).getPublic()).getW(ram.work, (short) 0);
    ram.answerFromWork((short) 0, n);
  }

  private void sign(boolean chained, byte slot, byte mode, byte[] buf, short data, short length) {
    boolean continuing = ram.continuesChain(INS_SIGN, slot, mode);
    ram.clearChain();
    Signature signature = signatureFor(mode);
    if (!continuing) {
      requireReady();
      requireSlot(slot);
      requirePin();
      if (signature == null) {
        ISOException.throwIt(ISO7816.SW_FUNC_NOT_SUPPORTED);
      }
      byte curve = state.requireKey(slot);
      signature.init(state.pair(slot, curve).getPrivate(), Signature.MODE_SIGN);
    }
    if (mode == SIGN_P2_PRECOMPUTED_SHA256 || mode == SIGN_P2_PRECOMPUTED_SHA384) {
      requireUnchained(chained);
      if ((algorithms & ALGORITHM_PRECOMPUTED_HASH) == 0) {
        ISOException.throwIt(ISO7816.SW_FUNC_NOT_SUPPORTED);
      }
      requireLength(length, mode == SIGN_P2_PRECOMPUTED_SHA256 ? Asn1.SHA256_BYTES : SHA384_BYTES);
      short n = signature.signPreComputedHash(buf, data, length, ram.work, (short) 0);
      ram.answerFromWork((short) 0, n);
      return;
    }
    if (chained) {
      signature.update(buf, data, length);
      ram.setChain(INS_SIGN, slot, mode, (short) 0);
      return;
    }
    short n = signature.sign(buf, data, length, ram.work, (short) 0);
    ram.answerFromWork((short) 0, n);
  }

  /** The signature object for a SIGN mode; null if the card lacks it; 6A86 for another mode. */
  private Signature signatureFor(byte mode) {
    switch (mode) {
      case SIGN_P2_SHA256:
      case SIGN_P2_PRECOMPUTED_SHA256:
        return ecdsaSha256;
      case SIGN_P2_SHA384:
      case SIGN_P2_PRECOMPUTED_SHA384:
        return ecdsaSha384;
      default:
        ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        return null;
    }
  }

  // --- PIN

  private void pinCommand(byte ins, byte p1, byte p2, byte[] buf, short data, short length) {
    requireP1P2(p1, p2, (byte) 0, PIN_REFERENCE);
    if (ins == INS_VERIFY) {
      if (length == 0) {
        if (pins.pin.isValidated()) {
          return;
        }
        Pins.reportTries(pins.pin);
      }
      requireLength(length, Pins.FIELD_BYTES);
      Pins.check(pins.pin, buf, data);
      return;
    }
    requireLength(length, (short) (2 * Pins.FIELD_BYTES));
    short newPin = (short) (data + Pins.FIELD_BYTES);
    Pins.requireWellFormed(buf, newPin, Pins.PIN_MIN_DIGITS);
    if (ins == INS_CHANGE_REFERENCE_DATA) {
      Pins.check(pins.pin, buf, data);
    } else {
      Pins.check(pins.puk, buf, data);
    }
    JCSystem.beginTransaction();
    pins.pin.update(buf, newPin, Pins.FIELD_BYTES);
    JCSystem.commitTransaction();
    pins.pin.resetAndUnblock();
  }

  private void requirePin() {
    if (!pins.pin.isValidated()) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
  }

  // --- GET INFO

  /** Answers the GET INFO TLVs (also the answer to SELECT). */
  private void info() {
    byte[] w = ram.work;
    short p = infoTlv(w, (short) 0, INFO_TAG_VERSION, Identity.VERSION);
    p = infoTlv(w, p, INFO_TAG_BUILD, Identity.BUILD);
    w[p++] = INFO_TAG_ALGORITHMS;
    w[p++] = 1;
    w[p++] = algorithms;
    w[p++] = INFO_TAG_SLOTS;
    w[p++] = 1;
    w[p++] = Persistent.SLOT_COUNT;
    w[p++] = INFO_TAG_PIN;
    w[p++] = 3;
    w[p++] = pins.pin.getTriesRemaining();
    w[p++] = pins.puk.getTriesRemaining();
    w[p++] = pins.pin.isValidated() ? (byte) 1 : (byte) 0;
    w[p++] = INFO_TAG_PERSONALISATION;
    w[p++] = 1;
    byte personalisation = 0;
    if (state.attestationKeySet) {
      personalisation |= PERSONALISED_KEY;
    }
    if (state.certificateLength != 0) {
      personalisation |= PERSONALISED_CERTIFICATE;
    }
    if (state.locked) {
      personalisation |= PERSONALISED_LOCKED;
    }
    w[p++] = personalisation;
    ram.answerFromWork((short) 0, p);
  }

  private static short infoTlv(byte[] w, short p, byte tag, byte[] value) {
    w[p++] = tag;
    w[p++] = (byte) value.length;
    return Util.arrayCopyNonAtomic(value, (short) 0, w, p, (short) value.length);
  }

  // --- attestation

  private void attestCms(byte slot, byte p2, byte[] buf, short data, short length) {
    requireReady();
    requireSlot(slot);
    if (p2 != 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    if (length < NONCE_MIN || length > NONCE_MAX) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    byte curve = state.requireKey(slot);
    cms.build(slot, curve, buf, data, (byte) length);
  }

  private void attestJws(byte slot, byte p2, byte[] buf, short data, short length) {
    requireReady();
    requireSlot(slot);
    if (p2 != 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte curve = state.requireKey(slot);
    jws.build(slot, curve, buf, data, length);
  }

  // --- checks shared by the handlers

  private void requireReady() {
    if (!state.ready()) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
  }

  private static void requireSlot(byte slot) {
    if (slot < 0 || slot >= Persistent.SLOT_COUNT) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
  }

  private static void requireP1P2(byte p1, byte p2, byte expectedP1, byte expectedP2) {
    if (p1 != expectedP1 || p2 != expectedP2) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
  }

  private static void requireLength(short length, short expected) {
    if (length != expected) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
  }

  private static void requireUnchained(boolean chained) {
    if (chained) {
      ISOException.throwIt(ISO7816.SW_COMMAND_CHAINING_NOT_SUPPORTED);
    }
  }

  // --- the one way out

  /**
   * Sends the next part of the pending answer, at most {@link #RESPONSE_MAX} bytes (or Le if
   * smaller); ends with 61xx while more remains, and wipes the work buffer once all is sent.
   */
  private void sendAnswer(APDU apdu) {
    short position = ram.answerPosition();
    short remaining = (short) (ram.answerLength() - position);
    if (ram.answerKind() == Transients.OUT_NONE || remaining <= 0) {
      return;
    }
    short chunk = remaining > RESPONSE_MAX ? RESPONSE_MAX : remaining;
    short le = apdu.setOutgoing();
    if (le > 0 && le < chunk) {
      chunk = le;
    }
    apdu.setOutgoingLength(chunk);
    byte[] buf = apdu.getBuffer();
    short room = (short) buf.length;
    short sent = 0;
    while (sent < chunk) {
      short n = (short) (chunk - sent);
      if (n > room) {
        n = room;
      }
      copyAnswer(buf, (short) 0, (short) (position + sent), n);
      apdu.sendBytes((short) 0, n);
      sent += n;
    }
    position += chunk;
    remaining -= chunk;
    if (remaining > 0) {
      ram.setAnswerPosition(position);
      ISOException.throwIt((short) (SW_BYTES_REMAINING | (remaining > 0xFF ? 0 : remaining)));
    }
    ram.clearAnswer();
  }

  /** Copies {@code length} bytes of the pending answer from {@code position} into dst. */
  private void copyAnswer(byte[] dst, short offset, short position, short length) {
    byte kind = ram.answerKind();
    if (kind == Transients.OUT_JWS) {
      jws.copy(dst, offset, position, length);
      return;
    }
    if (kind == Transients.OUT_WORK) {
      Util.arrayCopyNonAtomic(
          ram.work, (short) (ram.firstOffset() + position), dst, offset, length);
      return;
    }
    // OUT_CMS: first region, certificate, last region
    short first = ram.firstLength();
    short certificate = state.certificateLength;
    while (length > 0) {
      short n;
      if (position < first) {
        n = min(length, (short) (first - position));
        Util.arrayCopyNonAtomic(ram.work, (short) (ram.firstOffset() + position), dst, offset, n);
      } else if (position < (short) (first + certificate)) {
        short at = (short) (position - first);
        n = min(length, (short) (certificate - at));
        Util.arrayCopyNonAtomic(state.certificate, at, dst, offset, n);
      } else {
        short at = (short) (position - first - certificate);
        n = min(length, (short) (ram.lastLength() - at));
        Util.arrayCopyNonAtomic(ram.work, (short) (ram.lastOffset() + at), dst, offset, n);
      }
      offset += n;
      position += n;
      length -= n;
    }
  }

  private static short min(short a, short b) {
    return a < b ? a : b;
  }
}
