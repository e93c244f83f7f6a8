package dev.attestca.host;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Typed client for the AttestCA applet over a {@link CardChannel}.
 *
 * <p>Every method sends one command as described in docs/apdu-reference.md: data longer than one
 * APDU goes out with ISO 7816-4 command chaining, and answers longer than one response are
 * collected with GET RESPONSE. A status word other than 9000 is thrown as a {@link
 * StatusWordException} carrying it; transport failures are thrown as {@link CardException}.
 *
 * <p>Arguments are never null; results are never null. An instance is thread-safe in the sense that
 * its methods are serialised on it, but a card session is one conversation: do not use the same
 * channel from anywhere else while an instance is in use.
 */
public final class AttestCard {
  private static final byte[] AID = {
    (byte) 0xF0, 0x41, 0x54, 0x54, 0x45, 0x53, 0x54, 0x43, 0x41, 0x01
  };

  /** The applet's AID in hexadecimal: {@code F0} followed by "ATTESTCA" in ASCII and 01. */
  public static final String AID_HEX = "F0415454455354434101";

  /** The number of key slots the applet has; slots are numbered from 0. */
  public static final int SLOT_COUNT = 8;

  /** The shortest nonce an attestation accepts, in bytes. */
  public static final int NONCE_MIN = 8;

  /** The longest nonce an attestation accepts, in bytes. */
  public static final int NONCE_MAX = 64;

  /** The development default PIN a card has until personalisation sets another. */
  public static final String DEFAULT_PIN = "123456";

  /** The development default PUK a card has until personalisation sets another. */
  public static final String DEFAULT_PUK = "12345678";

  static final int CLA_ISO = 0x00;
  static final int CLA_PROPRIETARY = 0x80;
  static final int CLA_CHAINING = 0x10;
  static final int INS_SELECT = 0xA4;
  static final int INS_GET_RESPONSE = 0xC0;
  static final int INS_PERSONALISE = 0x10;
  static final int INS_LOCK = 0x12;
  static final int INS_GENERATE_KEY = 0x40;
  static final int INS_PUBLIC_KEY = 0x42;
  static final int INS_SIGN = 0x50;
  static final int INS_ATTEST_CMS = 0x60;
  static final int INS_ATTEST_JWS = 0x62;
  static final int INS_GET_INFO = 0x02;
  static final int INS_DELETE_KEY = 0x44;
  static final int INS_LIST_KEYS = 0x46;
  static final int INS_VERIFY = 0x20;
  static final int INS_CHANGE_REFERENCE_DATA = 0x24;
  static final int INS_RESET_RETRY_COUNTER = 0x2C;
  static final int PIN_REFERENCE = 0x81;
  static final int PIN_FIELD_BYTES = 8;
  static final int PERSONALISE_P1_PIN = 0x03;
  static final int PERSONALISE_P1_PUK = 0x04;
  static final int PERSONALISE_P1_ATTESTATION_KEY = 0x01;
  static final int PERSONALISE_P1_ATTESTATION_CERTIFICATE = 0x02;
  static final int SIGN_P2_SHA256 = 0x01;

  /**
   * Data bytes per command APDU. Lc 255 with an Le byte is 261 bytes, more than jcardsim's (and
   * some cards') 260-byte APDU buffer, so blocks stay well below.
   */
  static final int MAX_COMMAND_DATA = 240;

  static final int MAX_RESPONSE_DATA = 256;

  private final CardChannel channel;
  private long commandsSent;

  /**
   * Wraps a channel to a card that holds the AttestCA applet.
   *
   * @param channel the channel; not null
   */
  public AttestCard(CardChannel channel) {
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  /** The applet's AID; a fresh copy on each call. */
  public static byte[] aid() {
    return AID.clone();
  }

  /**
   * The number of command APDUs this instance has sent, GET RESPONSE and chained parts included; a
   * measure of round trips.
   */
  public synchronized long commandsSent() {
    return commandsSent;
  }

  /** Selects the applet (SELECT by AID). */
  public synchronized void select() throws CardException {
    transmit("SELECT", CLA_ISO, INS_SELECT, 0x04, 0x00, AID);
  }

  /**
   * Personalises the card with its attestation key and certificate, then locks personalisation,
   * after which the card refuses any further personalisation (status word 6986).
   *
   * @param attestationKey the P-256 private key the card signs attestations with; not null
   * @param attestationCertificate the certificate of that key, at most 1536 bytes DER; not null
   * @throws StatusWordException if the card refuses a step, for example 6986 when it is already
   *     personalised or 6985 when the certificate does not hold the key's public key
   */
  public synchronized void personalise(
      ECPrivateKey attestationKey, X509Certificate attestationCertificate) throws CardException {
    byte[] scalar = unsigned(attestationKey.getS(), Curve.P256.fieldBytes());
    byte[] certificate;
    try {
      certificate = attestationCertificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the attestation certificate cannot be encoded", e);
    }
    try {
      transmit(
          "PERSONALISE",
          CLA_PROPRIETARY,
          INS_PERSONALISE,
          PERSONALISE_P1_ATTESTATION_KEY,
          0,
          scalar);
    } finally {
      Arrays.fill(scalar, (byte) 0);
    }
    transmit(
        "PERSONALISE",
        CLA_PROPRIETARY,
        INS_PERSONALISE,
        PERSONALISE_P1_ATTESTATION_CERTIFICATE,
        0,
        certificate);
    transmit("LOCK PERSONALISATION", CLA_PROPRIETARY, INS_LOCK, 0, 0, new byte[0]);
  }

  /**
   * Personalises the card like {@link #personalise(ECPrivateKey, X509Certificate)}, setting the
   * user PIN and the PUK first instead of keeping the development defaults.
   *
   * @param pin the new PIN, 4 to 8 digits; not null
   * @param puk the new PUK, 8 digits; not null
   * @throws StatusWordException 6A80 if the PIN or PUK is not of that form
   */
  public synchronized void personalise(
      ECPrivateKey attestationKey, X509Certificate attestationCertificate, char[] pin, char[] puk)
      throws CardException {
    byte[] pinField = pinField(pin);
    byte[] pukField = pinField(puk);
    try {
      transmit("PERSONALISE", CLA_PROPRIETARY, INS_PERSONALISE, PERSONALISE_P1_PIN, 0, pinField);
      transmit("PERSONALISE", CLA_PROPRIETARY, INS_PERSONALISE, PERSONALISE_P1_PUK, 0, pukField);
    } finally {
      Arrays.fill(pinField, (byte) 0);
      Arrays.fill(pukField, (byte) 0);
    }
    personalise(attestationKey, attestationCertificate);
  }

  /** Reads the applet's version, capabilities and state (GET INFO). */
  public synchronized CardInfo info() throws CardException {
    return parseInfo(transmit("GET INFO", CLA_PROPRIETARY, INS_GET_INFO, 0, 0, new byte[0]));
  }

  /**
   * Verifies the user PIN; it then stays verified until the applet is deselected or the card reset.
   *
   * @param pin the PIN; not null
   * @throws StatusWordException {@code 63Cx} for a wrong PIN ({@link
   *     StatusWordException#triesLeft()} tells how many tries are left), 6983 once it is blocked
   */
  public synchronized void verifyPin(char[] pin) throws CardException {
    byte[] field = pinField(pin);
    try {
      transmit("VERIFY", CLA_ISO, INS_VERIFY, 0, PIN_REFERENCE, field);
    } finally {
      Arrays.fill(field, (byte) 0);
    }
  }

  /**
   * Changes the user PIN (CHANGE REFERENCE DATA), which needs the current one.
   *
   * @throws StatusWordException {@code 63Cx} for a wrong current PIN, 6983 if blocked, 6A80 if the
   *     new PIN is not 4 to 8 digits
   */
  public synchronized void changePin(char[] currentPin, char[] newPin) throws CardException {
    pinPair("CHANGE REFERENCE DATA", INS_CHANGE_REFERENCE_DATA, currentPin, newPin);
  }

  /**
   * Sets a new PIN with the PUK and unblocks it (RESET RETRY COUNTER).
   *
   * @throws StatusWordException {@code 63Cx} for a wrong PUK, 6983 once the PUK is blocked
   */
  public synchronized void unblockPin(char[] puk, char[] newPin) throws CardException {
    pinPair("RESET RETRY COUNTER", INS_RESET_RETRY_COUNTER, puk, newPin);
  }

  private void pinPair(String name, int ins, char[] first, char[] second) throws CardException {
    byte[] data = new byte[2 * PIN_FIELD_BYTES];
    byte[] a = pinField(first);
    byte[] b = pinField(second);
    System.arraycopy(a, 0, data, 0, PIN_FIELD_BYTES);
    System.arraycopy(b, 0, data, PIN_FIELD_BYTES, PIN_FIELD_BYTES);
    try {
      transmit(name, CLA_ISO, ins, 0, PIN_REFERENCE, data);
    } finally {
      Arrays.fill(a, (byte) 0);
      Arrays.fill(b, (byte) 0);
      Arrays.fill(data, (byte) 0);
    }
  }

  /** The PIN as sent: its ASCII bytes padded to 8 with FF; the card judges its form. */
  static byte[] pinField(char[] pin) {
    if (pin.length > PIN_FIELD_BYTES) {
      throw new IllegalArgumentException("a PIN or PUK has at most 8 characters");
    }
    byte[] field = new byte[PIN_FIELD_BYTES];
    Arrays.fill(field, (byte) 0xFF);
    for (int i = 0; i < pin.length; i++) {
      field[i] = (byte) pin[i];
    }
    return field;
  }

  /**
   * Generates a key pair on the given curve in a slot, replacing any key the slot held. Needs the
   * PIN.
   *
   * @throws StatusWordException 6982 if the PIN is not verified, 6A81 if the card lacks the curve
   */
  public synchronized ECPublicKey generateKey(int slot, Curve curve) throws CardException {
    byte[] point =
        transmit(
            "GENERATE KEY",
            CLA_PROPRIETARY,
            INS_GENERATE_KEY,
            slotByte(slot),
            curve.id(),
            new byte[0]);
    return decodePoint(point);
  }

  /**
   * Deletes the key in a slot; the slot is then empty and can no longer be attested. Needs the PIN.
   *
   * @throws StatusWordException 6A88 if the slot is already empty
   */
  public synchronized void deleteKey(int slot) throws CardException {
    transmit("DELETE KEY", CLA_PROPRIETARY, INS_DELETE_KEY, slotByte(slot), 0, new byte[0]);
  }

  /**
   * Lists the slots that hold a key.
   *
   * @return slot number to curve, in slot order; empty if no slot holds a key
   */
  public synchronized java.util.SortedMap<Integer, Curve> listKeys() throws CardException {
    byte[] answer = transmit("LIST KEYS", CLA_PROPRIETARY, INS_LIST_KEYS, 0, 0, new byte[0]);
    java.util.SortedMap<Integer, Curve> keys = new java.util.TreeMap<>();
    for (int i = 0; i + 1 < answer.length; i += 2) {
      keys.put(answer[i] & 0xFF, Curve.ofId(answer[i + 1] & 0xFF));
    }
    return keys;
  }

  /**
   * Signs data with the key in a slot, hashing on the card. Needs the PIN.
   *
   * @param data the data, of any length; not null
   * @return the DER ECDSA signature
   */
  public synchronized byte[] sign(int slot, byte[] data, SignatureAlgorithm algorithm)
      throws CardException {
    return transmit(
        "SIGN", CLA_PROPRIETARY, INS_SIGN, slotByte(slot), algorithm.dataMode(), data.clone());
  }

  /**
   * Signs a hash the host computed: 32 bytes are signed as SHA-256, 48 bytes as SHA-384. Needs the
   * PIN.
   *
   * @return the DER ECDSA signature
   * @throws IllegalArgumentException if the hash is neither 32 nor 48 bytes
   */
  public synchronized byte[] signHash(int slot, byte[] hash) throws CardException {
    SignatureAlgorithm algorithm =
        Arrays.stream(SignatureAlgorithm.values())
            .filter(a -> a.hashBytes() == hash.length)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException("a hash has 32 or 48 bytes, not " + hash.length));
    return transmit(
        "SIGN", CLA_PROPRIETARY, INS_SIGN, slotByte(slot), algorithm.hashMode(), hash.clone());
  }

  /**
   * Asks the card for an OpenID4VCI key attestation of the key in a slot, as the JWS described in
   * docs/attestation-format.md. Needs no PIN.
   *
   * @param nonce the issuer's nonce, 8 to 64 printable ASCII characters without {@code "} and
   *     {@code \}; not null
   * @param issuedAt the {@code iat} claim in seconds since the epoch (the card has no clock and
   *     states what it is given)
   * @return the JWS in compact serialization
   */
  public synchronized String attestJws(int slot, String nonce, long issuedAt) throws CardException {
    if (issuedAt < 0) {
      throw new IllegalArgumentException("iat must not be negative: " + issuedAt);
    }
    byte[] iat = Long.toString(issuedAt).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] nonceBytes = nonce.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] data = new byte[1 + iat.length + nonceBytes.length];
    data[0] = (byte) iat.length;
    System.arraycopy(iat, 0, data, 1, iat.length);
    System.arraycopy(nonceBytes, 0, data, 1 + iat.length, nonceBytes.length);
    byte[] jws = transmit("ATTEST JWS", CLA_PROPRIETARY, INS_ATTEST_JWS, slotByte(slot), 0, data);
    return new String(jws, java.nio.charset.StandardCharsets.US_ASCII);
  }

  static CardInfo parseInfo(byte[] tlv) throws CardException {
    String version = null;
    String build = null;
    int algorithms = -1;
    int slots = -1;
    byte[] pin = null;
    int personalisation = -1;
    int i = 0;
    while (i + 2 <= tlv.length) {
      int tag = tlv[i] & 0xFF;
      int length = tlv[i + 1] & 0xFF;
      if (i + 2 + length > tlv.length) {
        break;
      }
      byte[] value = Arrays.copyOfRange(tlv, i + 2, i + 2 + length);
      switch (tag) {
        case 0x80 -> version = new String(value, java.nio.charset.StandardCharsets.UTF_8);
        case 0x81 -> build = new String(value, java.nio.charset.StandardCharsets.UTF_8);
        case 0x82 -> algorithms = value[0] & 0xFF;
        case 0x83 -> slots = value[0] & 0xFF;
        case 0x84 -> pin = value;
        case 0x85 -> personalisation = value[0] & 0xFF;
        default -> {}
      }
      i += 2 + length;
    }
    if (version == null
        || build == null
        || algorithms < 0
        || slots < 0
        || pin == null
        || pin.length != 3
        || personalisation < 0) {
      throw new CardException(
          "GET INFO answer is incomplete: " + java.util.HexFormat.of().formatHex(tlv));
    }
    java.util.EnumSet<Curve> curves = java.util.EnumSet.noneOf(Curve.class);
    if ((algorithms & 0x01) != 0) {
      curves.add(Curve.P256);
    }
    if ((algorithms & 0x02) != 0) {
      curves.add(Curve.P384);
    }
    return new CardInfo(
        version,
        build,
        curves,
        (algorithms & 0x08) != 0,
        (algorithms & 0x10) != 0,
        slots,
        pin[0],
        pin[1],
        pin[2] != 0,
        (personalisation & 0x01) != 0,
        (personalisation & 0x02) != 0,
        (personalisation & 0x80) != 0);
  }

  /**
   * Generates a P-256 key pair in a slot, replacing any key the slot held. Needs the PIN.
   *
   * @param slot the slot, 0 to {@link #SLOT_COUNT} - 1 (other values are sent and refused by the
   *     card with 6A86)
   * @return the new public key
   */
  public synchronized ECPublicKey generateKey(int slot) throws CardException {
    byte[] point =
        transmit(
            "GENERATE KEY",
            CLA_PROPRIETARY,
            INS_GENERATE_KEY,
            slotByte(slot),
            Curve.P256.id(),
            new byte[0]);
    return decodePoint(point);
  }

  /**
   * Reads the public key in a slot.
   *
   * @param slot the slot
   * @return the public key
   * @throws StatusWordException 6A88 if the slot is empty
   */
  public synchronized ECPublicKey publicKey(int slot) throws CardException {
    byte[] point =
        transmit("GET PUBLIC KEY", CLA_PROPRIETARY, INS_PUBLIC_KEY, slotByte(slot), 0, new byte[0]);
    return decodePoint(point);
  }

  /**
   * Signs data with the key in a slot, ECDSA with SHA-256 computed on the card. Needs the PIN.
   *
   * @param slot the slot
   * @param data the data to sign, of any length; not null
   * @return the DER {@code SEQUENCE { r INTEGER, s INTEGER }} signature
   */
  public synchronized byte[] sign(int slot, byte[] data) throws CardException {
    return transmit(
        "SIGN", CLA_PROPRIETARY, INS_SIGN, slotByte(slot), SIGN_P2_SHA256, data.clone());
  }

  /**
   * Asks the card to attest the key in a slot, as the CMS described in docs/attestation-format.md.
   *
   * @param slot the slot
   * @param nonce the verifier's nonce, {@link #NONCE_MIN} to {@link #NONCE_MAX} bytes (other
   *     lengths are sent and refused by the card with 6700); not null
   * @return the DER {@code ContentInfo}
   */
  public synchronized byte[] attestCms(int slot, byte[] nonce) throws CardException {
    return transmit(
        "ATTEST CMS", CLA_PROPRIETARY, INS_ATTEST_CMS, slotByte(slot), 0, nonce.clone());
  }

  /**
   * Sends one command, chaining its data over as many APDUs as needed, and collects the whole
   * answer through GET RESPONSE.
   */
  byte[] transmit(String name, int cla, int ins, int p1, int p2, byte[] data) throws CardException {
    int offset = 0;
    ResponseAPDU response;
    do {
      int length = Math.min(MAX_COMMAND_DATA, data.length - offset);
      boolean last = offset + length == data.length;
      int chainedCla = last ? cla : cla | CLA_CHAINING;
      CommandAPDU command =
          length == 0
              ? new CommandAPDU(chainedCla, ins, p1, p2, MAX_RESPONSE_DATA)
              : new CommandAPDU(chainedCla, ins, p1, p2, data, offset, length, MAX_RESPONSE_DATA);
      response = send(command);
      offset += length;
      if (!last && response.getSW() != 0x9000) {
        throw new StatusWordException(name, response.getSW());
      }
    } while (offset < data.length);

    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    answer.writeBytes(response.getData());
    while (response.getSW1() == 0x61) {
      int expected = response.getSW2() == 0 ? MAX_RESPONSE_DATA : response.getSW2();
      response = send(new CommandAPDU(CLA_ISO, INS_GET_RESPONSE, 0, 0, expected));
      answer.writeBytes(response.getData());
    }
    if (response.getSW() != 0x9000) {
      throw new StatusWordException(name, response.getSW());
    }
    return answer.toByteArray();
  }

  private ResponseAPDU send(CommandAPDU command) throws CardException {
    commandsSent++;
    return channel.transmit(command);
  }

  private static int slotByte(int slot) {
    if (slot < 0 || slot > 0xFF) {
      throw new IllegalArgumentException("a slot number is one byte, not " + slot);
    }
    return slot;
  }

  /** Decodes an uncompressed point whose length names its curve (65: P-256, 97: P-384). */
  static ECPublicKey decodePoint(byte[] point) throws CardException {
    for (Curve curve : Curve.values()) {
      if (point.length == curve.pointBytes() && point[0] == 0x04) {
        return publicKey(curve, point);
      }
    }
    throw new CardException(
        "the card returned " + point.length + " bytes, not an uncompressed P-256 or P-384 point");
  }

  static ECPublicKey publicKey(Curve curve, byte[] point) throws CardException {
    int n = curve.fieldBytes();
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + n));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + n, 1 + 2 * n));
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(curve.jcaName()));
      ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
      return (ECPublicKey)
          KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    } catch (GeneralSecurityException e) {
      throw new CardException("the card returned a point not on " + curve.joseName(), e);
    }
  }

  /** The value as exactly {@code length} unsigned big-endian bytes. */
  static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > length + 1 || (bytes.length == length + 1 && bytes[0] != 0)) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] fixed = new byte[length];
    int copy = Math.min(bytes.length, length);
    System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
    Arrays.fill(bytes, (byte) 0);
    return fixed;
  }
}
