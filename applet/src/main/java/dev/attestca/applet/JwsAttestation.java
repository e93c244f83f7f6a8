package dev.attestca.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.ECPublicKey;
import javacard.security.Signature;

/**
 * Builds the OpenID4VCI 1.0 Appendix D key attestation as a JWS in compact serialization (RFC
 * 7515), signed ES256 by the attestation key. The JSON and the base64url are made here.
 *
 * <p>Only the payload JSON and the signature are kept in RAM. The protected header, which holds the
 * attestation certificate in {@code x5c}, is never stored: each of its characters is computed from
 * the certificate in persistent memory when it is hashed and again when it is sent. So the answer
 * is a function from position to byte, {@link #byteAt}.
 */
final class JwsAttestation {
  /** Work buffer layout while a JWS is built and sent. */
  private static final short PAYLOAD_OFFSET = 0;

  private static final short PAYLOAD_MAX = 512;
  private static final short SIGNATURE_OFFSET = PAYLOAD_MAX;
  private static final short SIGNATURE_BYTES = 64;
  private static final short DER_OFFSET = (short) (SIGNATURE_OFFSET + SIGNATURE_BYTES);
  private static final short POINT_OFFSET = (short) (DER_OFFSET + 80);
  private static final short CHUNK_OFFSET = (short) (POINT_OFFSET + Curves.P384_POINT_BYTES + 3);
  private static final short CHUNK_BYTES = (short) (Transients.WORK_LENGTH - CHUNK_OFFSET);

  static final byte IAT_MAX_DIGITS = 12;
  static final byte NONCE_MIN = 8;
  static final byte NONCE_MAX = 64;

  private static final byte[] HEADER_HEAD = {
    '{', '"', 'a', 'l', 'g', '"', ':', '"', 'E', 'S', '2', '5', '6', '"', ',', '"', 't', 'y', 'p',
    '"', ':', '"', 'k', 'e', 'y', '-', 'a', 't', 't', 'e', 's', 't', 'a', 't', 'i', 'o', 'n', '+',
    'j', 'w', 't', '"', ',', '"', 'x', '5', 'c', '"', ':', '[', '"'
  };
  private static final byte[] HEADER_TAIL = {'"', ']', '}'};

  private static final byte[] CLAIM_IAT = {'{', '"', 'i', 'a', 't', '"', ':'};
  private static final byte[] CLAIM_KEYS = {
    ',', '"', 'a', 't', 't', 'e', 's', 't', 'e', 'd', '_', 'k', 'e', 'y', 's', '"', ':', '[', '{',
    '"', 'k', 't', 'y', '"', ':', '"', 'E', 'C', '"', ',', '"', 'c', 'r', 'v', '"', ':', '"', 'P',
    '-'
  };
  private static final byte[] CURVE_256 = {'2', '5', '6'};
  private static final byte[] CURVE_384 = {'3', '8', '4'};
  private static final byte[] MEMBER_X = {'"', ',', '"', 'x', '"', ':', '"'};
  private static final byte[] MEMBER_Y = {'"', ',', '"', 'y', '"', ':', '"'};

  /**
   * The claims after the key: key_storage and user_authentication (the attack potentials this
   * applet claims, see docs/attestation-format.md), then the start of nonce.
   */
  private static final byte[] CLAIMS_AFTER_KEY = {
    '"', '}', ']', ',', '"', 'k', 'e', 'y', '_', 's', 't', 'o', 'r', 'a', 'g', 'e', '"', ':', '[',
    '"', 'i', 's', 'o', '_', '1', '8', '0', '4', '5', '_', 'h', 'i', 'g', 'h', '"', ']', ',', '"',
    'u', 's', 'e', 'r', '_', 'a', 'u', 't', 'h', 'e', 'n', 't', 'i', 'c', 'a', 't', 'i', 'o', 'n',
    '"', ':', '[', '"', 'i', 's', 'o', '_', '1', '8', '0', '4', '5', '_', 'm', 'o', 'd', 'e', 'r',
    'a', 't', 'e', '"', ']', ',', '"', 'n', 'o', 'n', 'c', 'e', '"', ':', '"'
  };

  private static final byte[] PAYLOAD_END = {'"', '}'};

  private static final byte DOT = '.';
  private static final byte PAD = '=';

  private final Persistent state;
  private final Transients ram;
  private final Signature ecdsaSha256;

  JwsAttestation(Persistent state, Transients ram, Signature ecdsaSha256) {
    this.state = state;
    this.ram = ram;
    this.ecdsaSha256 = ecdsaSha256;
  }

  /**
   * Checks the ATTEST (JWS) data, {@code L || iat digits (L bytes) || nonce}, builds and signs the
   * JWS, and makes it the pending answer.
   *
   * @return the length of the JWS
   */
  short build(byte slot, byte curve, byte[] buf, short offset, short length) {
    if (length < 1) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    short iatLength = buf[offset];
    short nonceLength = (short) (length - 1 - iatLength);
    if (iatLength < 1
        || iatLength > IAT_MAX_DIGITS
        || nonceLength < NONCE_MIN
        || nonceLength > NONCE_MAX) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    short iat = (short) (offset + 1);
    short nonce = (short) (iat + iatLength);
    requireNumericDate(buf, iat, iatLength);
    requireJsonSafe(buf, nonce, nonceLength);

    short payloadLength = writePayload(slot, curve, buf, iat, iatLength, nonce, nonceLength);
    ram.setAnswer(
        Transients.OUT_JWS,
        (short) 0,
        PAYLOAD_OFFSET,
        payloadLength,
        SIGNATURE_OFFSET,
        SIGNATURE_BYTES);
    short signed = (short) (encodedHeaderLength() + 1 + base64UrlLength(payloadLength));
    sign(signed);
    short total = (short) (signed + 1 + base64UrlLength(SIGNATURE_BYTES));
    ram.setAnswer(
        Transients.OUT_JWS,
        total,
        PAYLOAD_OFFSET,
        payloadLength,
        SIGNATURE_OFFSET,
        SIGNATURE_BYTES);
    return total;
  }

  private short writePayload(
      byte slot,
      byte curve,
      byte[] buf,
      short iat,
      short iatLength,
      short nonce,
      short nonceLength) {
    byte[] w = ram.work;
    short p = put(w, PAYLOAD_OFFSET, CLAIM_IAT);
    p = Util.arrayCopyNonAtomic(buf, iat, w, p, iatLength);
    p = put(w, p, CLAIM_KEYS);
    p = put(w, p, curve == Curves.P256 ? CURVE_256 : CURVE_384);
    short n = Curves.fieldBytes(curve);
    ((ECPublicKey) state.pair(slot, curve).getPublic()).getW(w, POINT_OFFSET);
    p = put(w, p, MEMBER_X);
    p = encodeBase64Url(w, (short) (POINT_OFFSET + 1), n, w, p);
    p = put(w, p, MEMBER_Y);
    p = encodeBase64Url(w, (short) (POINT_OFFSET + 1 + n), n, w, p);
    p = put(w, p, CLAIMS_AFTER_KEY);
    p = Util.arrayCopyNonAtomic(buf, nonce, w, p, nonceLength);
    p = put(w, p, PAYLOAD_END);
    Util.arrayFillNonAtomic(w, POINT_OFFSET, Curves.P384_POINT_BYTES, (byte) 0);
    return (short) (p - PAYLOAD_OFFSET);
  }

  /** Signs the JWS signing input (its first {@code length} bytes) and stores r || s. */
  private void sign(short length) {
    byte[] w = ram.work;
    ecdsaSha256.init(state.attestationKey, Signature.MODE_SIGN);
    short position = 0;
    while (position < length) {
      short n = (short) (length - position);
      if (n > CHUNK_BYTES) {
        n = CHUNK_BYTES;
      }
      copy(w, CHUNK_OFFSET, position, n);
      ecdsaSha256.update(w, CHUNK_OFFSET, n);
      position += n;
    }
    short derLength = ecdsaSha256.sign(w, CHUNK_OFFSET, (short) 0, w, DER_OFFSET);
    derToRaw(w, DER_OFFSET, derLength, SIGNATURE_OFFSET);
    Util.arrayFillNonAtomic(w, DER_OFFSET, derLength, (byte) 0);
  }

  /**
   * Converts {@code SEQUENCE { r INTEGER, s INTEGER }} to the 64-byte r || s of RFC 7518 section
   * 3.4, each left-padded to 32 bytes.
   */
  private static void derToRaw(byte[] w, short der, short derLength, short raw) {
    short end = (short) (der + derLength);
    short r = Der.contentOffset(w, der, end, Asn1.TAG_SEQUENCE);
    short s = Der.end(w, r, end, Asn1.TAG_INTEGER);
    copyInteger(w, r, end, raw);
    copyInteger(w, s, end, (short) (raw + 32));
  }

  private static void copyInteger(byte[] w, short tlv, short limit, short out) {
    short value = Der.contentOffset(w, tlv, limit, Asn1.TAG_INTEGER);
    short length = Der.contentLength(w, tlv);
    while (length > 32 && w[value] == 0) {
      value++;
      length--;
    }
    if (length > 32) {
      ISOException.throwIt(AttestationApplet.SW_CRYPTO_BASE);
    }
    short pad = (short) (32 - length);
    Util.arrayFillNonAtomic(w, out, pad, (byte) 0);
    Util.arrayCopyNonAtomic(w, value, w, (short) (out + pad), length);
  }

  // --- the JWS as a function of position

  /** Copies {@code length} bytes of the JWS from {@code position} into dst. */
  void copy(byte[] dst, short offset, short position, short length) {
    for (short i = 0; i < length; i++) {
      dst[(short) (offset + i)] = byteAt((short) (position + i));
    }
  }

  private byte byteAt(short position) {
    short header = encodedHeaderLength();
    if (position < header) {
      return base64UrlChar(SOURCE_HEADER, (short) 0, headerJsonLength(), position);
    }
    position -= header;
    if (position == 0) {
      return DOT;
    }
    position--;
    short payload = base64UrlLength(ram.firstLength());
    if (position < payload) {
      return base64UrlChar(SOURCE_WORK, ram.firstOffset(), ram.firstLength(), position);
    }
    position -= payload;
    if (position == 0) {
      return DOT;
    }
    return base64UrlChar(SOURCE_WORK, ram.lastOffset(), ram.lastLength(), (short) (position - 1));
  }

  private static final byte SOURCE_HEADER = 1;
  private static final byte SOURCE_WORK = 2;

  private byte sourceByte(byte source, short offset, short index) {
    if (source == SOURCE_WORK) {
      return ram.work[(short) (offset + index)];
    }
    return headerJsonByte(index);
  }

  /** Character {@code index} of the protected header's JSON. */
  private byte headerJsonByte(short index) {
    short head = (short) HEADER_HEAD.length;
    if (index < head) {
      return HEADER_HEAD[index];
    }
    index -= head;
    short certificate = base64Length(state.certificateLength);
    if (index < certificate) {
      return base64Char(state.certificate, state.certificateLength, index);
    }
    return HEADER_TAIL[(short) (index - certificate)];
  }

  private short headerJsonLength() {
    return (short)
        (HEADER_HEAD.length + base64Length(state.certificateLength) + HEADER_TAIL.length);
  }

  private short encodedHeaderLength() {
    return base64UrlLength(headerJsonLength());
  }

  /** Character {@code k} of the base64url (unpadded) encoding of a source. */
  private byte base64UrlChar(byte source, short offset, short length, short k) {
    short group = (short) ((k >> 2) * 3);
    short b0 = (short) (sourceByte(source, offset, group) & 0xFF);
    short b1 = 0;
    short b2 = 0;
    if ((short) (group + 1) < length) {
      b1 = (short) (sourceByte(source, offset, (short) (group + 1)) & 0xFF);
    }
    if ((short) (group + 2) < length) {
      b2 = (short) (sourceByte(source, offset, (short) (group + 2)) & 0xFF);
    }
    return Base64.URL_ALPHABET[sextet(b0, b1, b2, (byte) (k & 3))];
  }

  /** Character {@code k} of the standard (padded) base64 encoding of {@code data[0, length)}. */
  private static byte base64Char(byte[] data, short length, short k) {
    short group = (short) ((k >> 2) * 3);
    byte index = (byte) (k & 3);
    if ((index == 2 && (short) (group + 1) >= length)
        || (index == 3 && (short) (group + 2) >= length)) {
      return PAD;
    }
    short b0 = (short) (data[group] & 0xFF);
    short b1 = (short) (group + 1) < length ? (short) (data[(short) (group + 1)] & 0xFF) : 0;
    short b2 = (short) (group + 2) < length ? (short) (data[(short) (group + 2)] & 0xFF) : 0;
    return Base64.STANDARD_ALPHABET[sextet(b0, b1, b2, index)];
  }

  private static short sextet(short b0, short b1, short b2, byte index) {
    switch (index) {
      case 0:
        return (short) (b0 >> 2);
      case 1:
        return (short) ((b0 & 0x03) << 4 | b1 >> 4);
      case 2:
        return (short) ((b1 & 0x0F) << 2 | b2 >> 6);
      default:
        return (short) (b2 & 0x3F);
    }
  }

  /** Length of the padded base64 encoding of n bytes. */
  static short base64Length(short n) {
    return (short) ((short) ((short) (n + 2) / 3) * 4);
  }

  /** Length of the unpadded base64url encoding of n bytes. */
  static short base64UrlLength(short n) {
    short rest = (short) (n % 3);
    return (short) ((short) (n / 3) * 4 + (rest == 0 ? 0 : rest + 1));
  }

  /** Encodes {@code src[offset, offset + n)} as unpadded base64url at dst; returns the end. */
  private static short encodeBase64Url(byte[] src, short offset, short n, byte[] dst, short out) {
    short end = (short) (offset + n);
    for (short i = offset; i < end; i += 3) {
      short b0 = (short) (src[i] & 0xFF);
      short b1 = (short) (i + 1) < end ? (short) (src[(short) (i + 1)] & 0xFF) : 0;
      short b2 = (short) (i + 2) < end ? (short) (src[(short) (i + 2)] & 0xFF) : 0;
      short chars = (short) (end - i);
      chars = chars >= 3 ? (short) 4 : (short) (chars + 1);
      for (byte k = 0; k < chars; k++) {
        dst[out++] = Base64.URL_ALPHABET[sextet(b0, b1, b2, k)];
      }
    }
    return out;
  }

  private static short put(byte[] w, short offset, byte[] constant) {
    return Util.arrayCopyNonAtomic(constant, (short) 0, w, offset, (short) constant.length);
  }

  /** iat: 1 to 12 ASCII digits, no leading zero unless it is "0" (a JSON number). */
  private static void requireNumericDate(byte[] buf, short offset, short length) {
    if (length > 1 && buf[offset] == '0') {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    for (short i = 0; i < length; i++) {
      byte b = buf[(short) (offset + i)];
      if (b < '0' || b > '9') {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
    }
  }

  /** nonce: printable ASCII 21..7E without '"' and '\', so it goes into JSON as it is. */
  private static void requireJsonSafe(byte[] buf, short offset, short length) {
    for (short i = 0; i < length; i++) {
      byte b = buf[(short) (offset + i)];
      if (b < 0x21 || b > 0x7E || b == '"' || b == '\\') {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
    }
  }
}
