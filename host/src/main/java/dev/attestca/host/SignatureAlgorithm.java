package dev.attestca.host;

/** The signature algorithms of SIGN: ECDSA with the hash computed on the card or by the host. */
public enum SignatureAlgorithm {
  /** ECDSA with SHA-256 ({@code SHA256withECDSA}). */
  ECDSA_SHA256(0x01, 0x11, "SHA256withECDSA", "SHA-256", 32),
  /** ECDSA with SHA-384 ({@code SHA384withECDSA}). */
  ECDSA_SHA384(0x02, 0x12, "SHA384withECDSA", "SHA-384", 48);

  private final int dataMode;
  private final int hashMode;
  private final String jcaName;
  private final String digestName;
  private final int hashBytes;

  SignatureAlgorithm(int dataMode, int hashMode, String jcaName, String digestName, int hashBytes) {
    this.dataMode = dataMode;
    this.hashMode = hashMode;
    this.jcaName = jcaName;
    this.digestName = digestName;
    this.hashBytes = hashBytes;
  }

  /** SIGN's P2 when the card hashes the data. */
  int dataMode() {
    return dataMode;
  }

  /** SIGN's P2 when the host sends the hash. */
  int hashMode() {
    return hashMode;
  }

  /** The JCA name to verify the card's signatures with, for example {@code SHA256withECDSA}. */
  public String jcaName() {
    return jcaName;
  }

  /** The JCA name of the hash, for example {@code SHA-256}. */
  public String digestName() {
    return digestName;
  }

  /** The length of the hash in bytes. */
  public int hashBytes() {
    return hashBytes;
  }
}
