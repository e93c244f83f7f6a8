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
   * Generates a P-256 key pair in a slot, replacing any key the slot held.
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
   * Signs data with the key in a slot, ECDSA with SHA-256 computed on the card.
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
