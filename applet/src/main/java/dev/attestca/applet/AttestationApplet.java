package dev.attestca.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
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

  static final byte INS_PERSONALISE = 0x10;
  static final byte INS_LOCK = 0x12;
  static final byte INS_GENERATE_KEY = 0x40;
  static final byte INS_PUBLIC_KEY = 0x42;
  static final byte INS_SIGN = 0x50;
  static final byte INS_ATTEST_CMS = 0x60;
  static final byte INS_GET_RESPONSE = (byte) 0xC0;

  static final byte PERSONALISE_P1_ATTESTATION_KEY = 0x01;
  static final byte PERSONALISE_P1_ATTESTATION_CERTIFICATE = 0x02;
  static final byte SIGN_P2_SHA256 = 0x01;

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
  private final Signature ecdsaSha256;
  private final CmsAttestation cms;

  private AttestationApplet() {
    state = new Persistent();
    ram = new Transients();
    MessageDigest sha256 = MessageDigest.getInstance(MessageDigest.ALG_SHA_256, false);
    ecdsaSha256 = Signature.getInstance(Signature.ALG_ECDSA_SHA_256, false);
    cms = new CmsAttestation(state, ram, sha256, ecdsaSha256);
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
    if (classByte != CLA_PROPRIETARY) {
      ISOException.throwIt(
          isProprietary(ins) ? ISO7816.SW_CLA_NOT_SUPPORTED : ISO7816.SW_INS_NOT_SUPPORTED);
    }
    switch (ins) {
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
      case INS_SIGN:
        sign(chained, p1, p2, buf, data, length);
        break;
      case INS_ATTEST_CMS:
        requireUnchained(chained);
        attestCms(p1, p2, buf, data, length);
        break;
      default:
        ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
  }

  private static boolean isProprietary(byte ins) {
    return ins == INS_PERSONALISE
        || ins == INS_LOCK
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
    if (curve == Curves.P384) {
      if (!state.p384Supported) {
        ISOException.throwIt(ISO7816.SW_FUNC_NOT_SUPPORTED);
      }
    } else if (curve != Curves.P256) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    requireLength(length, (short) 0);
    state.generate(slot, curve);
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

  private void answerPublicKey(byte slot, byte curve) {
    short n = ((ECPublicKey) state.pair(slot, curve).getPublic()).getW(ram.work, (short) 0);
    ram.answerFromWork((short) 0, n);
  }

  private void sign(boolean chained, byte slot, byte mode, byte[] buf, short data, short length) {
    boolean continuing = ram.continuesChain(INS_SIGN, slot, mode);
    ram.clearChain();
    if (!continuing) {
      requireReady();
      requireSlot(slot);
      if (mode != SIGN_P2_SHA256) {
        ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
      }
      byte curve = state.requireKey(slot);
      ecdsaSha256.init(state.pair(slot, curve).getPrivate(), Signature.MODE_SIGN);
    }
    if (chained) {
      ecdsaSha256.update(buf, data, length);
      ram.setChain(INS_SIGN, slot, mode, (short) 0);
      return;
    }
    short n = ecdsaSha256.sign(buf, data, length, ram.work, (short) 0);
    ram.answerFromWork((short) 0, n);
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
