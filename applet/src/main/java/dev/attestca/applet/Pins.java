package dev.attestca.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.OwnerPIN;

/**
 * The user PIN and the PUK that unblocks it. Both travel as 8-byte fields: 4 to 8 ASCII digits
 * padded with FF (PUK: exactly 8 digits). The PIN stays verified until the applet is deselected or
 * the card is reset.
 */
final class Pins {
  /** Bytes of a PIN or PUK field on the wire, padding included. */
  static final byte FIELD_BYTES = 8;

  static final byte PIN_TRIES = 3;
  static final byte PUK_TRIES = 5;
  static final byte PIN_MIN_DIGITS = 4;

  private static final byte PADDING = (byte) 0xFF;

  /** ISO 7816-4: verification failed, SW2 low nibble = tries left. */
  private static final short SW_TRIES_LEFT = 0x63C0;

  /** The development default PIN, "123456", padded; replaced at personalisation. */
  private static final byte[] DEFAULT_PIN = {'1', '2', '3', '4', '5', '6', PADDING, PADDING};

  /** The development default PUK, "12345678"; replaced at personalisation. */
  private static final byte[] DEFAULT_PUK = {'1', '2', '3', '4', '5', '6', '7', '8'};

  final OwnerPIN pin;
  final OwnerPIN puk;

  Pins() {
    pin = new OwnerPIN(PIN_TRIES, FIELD_BYTES);
    puk = new OwnerPIN(PUK_TRIES, FIELD_BYTES);
    pin.update(DEFAULT_PIN, (short) 0, FIELD_BYTES);
    puk.update(DEFAULT_PUK, (short) 0, FIELD_BYTES);
  }

  /** Refuses with 6A80 a field that is not 4 (PUK: 8) to 8 digits padded with FF. */
  static void requireWellFormed(byte[] buf, short offset, byte minDigits) {
    short digits = 0;
    while (digits < FIELD_BYTES && buf[(short) (offset + digits)] != PADDING) {
      byte b = buf[(short) (offset + digits)];
      if (b < '0' || b > '9') {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
      digits++;
    }
    for (short i = digits; i < FIELD_BYTES; i++) {
      if (buf[(short) (offset + i)] != PADDING) {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
    }
    if (digits < minDigits) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
  }

  /**
   * Checks a field against a PIN object: returns normally if it matches, else throws 63Cx with the
   * tries left, or 6983 if the PIN is blocked.
   */
  static void check(OwnerPIN owner, byte[] buf, short offset) {
    if (owner.getTriesRemaining() == 0) {
      ISOException.throwIt(ISO7816.SW_FILE_INVALID);
    }
    if (!owner.check(buf, offset, FIELD_BYTES)) {
      ISOException.throwIt((short) (SW_TRIES_LEFT | owner.getTriesRemaining()));
    }
  }

  /** Throws 6983 if blocked, else 63Cx with the tries left (for VERIFY without data). */
  static void reportTries(OwnerPIN owner) {
    if (owner.getTriesRemaining() == 0) {
      ISOException.throwIt(ISO7816.SW_FILE_INVALID);
    }
    ISOException.throwIt((short) (SW_TRIES_LEFT | owner.getTriesRemaining()));
  }
}
