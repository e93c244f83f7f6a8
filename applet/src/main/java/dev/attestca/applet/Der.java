package dev.attestca.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;

/**
 * DER writing (backwards, so that every length is known when its header is written) and a strict
 * reader for the certificate walk. Lengths above 32767 do not occur on this card; the reader
 * refuses them, and indefinite or non-minimal lengths, with 6A80.
 */
final class Der {
  private static final byte LENGTH_ONE_BYTE = (byte) 0x81;
  private static final byte LENGTH_TWO_BYTES = (byte) 0x82;

  private Der() {}

  /**
   * Writes a tag and the minimal length of {@code contentLength} so that they end at {@code end}.
   *
   * @return the offset of the tag
   */
  static short prependHeader(byte[] buf, short end, byte tag, short contentLength) {
    short p = end;
    buf[--p] = (byte) contentLength;
    if (contentLength > 0xFF) {
      buf[--p] = (byte) (contentLength >> 8);
      buf[--p] = LENGTH_TWO_BYTES;
    } else if (contentLength > 0x7F) {
      buf[--p] = LENGTH_ONE_BYTE;
    }
    buf[--p] = tag;
    return p;
  }

  /**
   * Copies bytes so that they end at {@code end}.
   *
   * @return the offset of the first byte copied
   */
  static short prepend(byte[] buf, short end, byte[] src, short srcOffset, short length) {
    short p = (short) (end - length);
    Util.arrayCopyNonAtomic(src, srcOffset, buf, p, length);
    return p;
  }

  /** Copies a whole constant so that it ends at {@code end}; returns its offset. */
  static short prepend(byte[] buf, short end, byte[] constant) {
    return prepend(buf, end, constant, (short) 0, (short) constant.length);
  }

  /**
   * Writes a tag and the minimal length of {@code contentLength} at {@code offset}.
   *
   * @return the offset after the header
   */
  static short writeHeader(byte[] buf, short offset, byte tag, short contentLength) {
    short p = offset;
    buf[p++] = tag;
    if (contentLength > 0xFF) {
      buf[p++] = LENGTH_TWO_BYTES;
      buf[p++] = (byte) (contentLength >> 8);
    } else if (contentLength > 0x7F) {
      buf[p++] = LENGTH_ONE_BYTE;
    }
    buf[p++] = (byte) contentLength;
    return p;
  }

  /**
   * Checks the TLV at {@code offset} has the tag and fits before {@code limit}.
   *
   * @return the offset of its content
   */
  static short contentOffset(byte[] buf, short offset, short limit, byte tag) {
    if ((short) (offset + 2) > limit || buf[offset] != tag) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    short p = (short) (offset + 1);
    short length = (short) (buf[p++] & 0xFF);
    if (length == (LENGTH_ONE_BYTE & 0xFF)) {
      if (p >= limit) {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
      length = (short) (buf[p++] & 0xFF);
      if (length < 0x80) {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
    } else if (length == (LENGTH_TWO_BYTES & 0xFF)) {
      if ((short) (p + 2) > limit) {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
      length = Util.getShort(buf, p);
      p += 2;
      if (length < 0x100) {
        // also catches lengths of 32768 and more, which read as negative
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
    } else if (length > 0x7F) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    if (length > (short) (limit - p)) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    return p;
  }

  /**
   * Checks the TLV at {@code offset} has the tag and fits before {@code limit}.
   *
   * @return the offset just after it
   */
  static short end(byte[] buf, short offset, short limit, byte tag) {
    short content = contentOffset(buf, offset, limit, tag);
    return (short) (content + contentLength(buf, offset));
  }

  /** The content length of a TLV already checked by {@link #contentOffset}. */
  static short contentLength(byte[] buf, short offset) {
    byte first = buf[(short) (offset + 1)];
    if (first == LENGTH_ONE_BYTE) {
      return (short) (buf[(short) (offset + 2)] & 0xFF);
    }
    if (first == LENGTH_TWO_BYTES) {
      return Util.getShort(buf, (short) (offset + 2));
    }
    return first;
  }
}
