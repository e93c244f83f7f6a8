package dev.attestca.host;

/**
 * The elliptic curves the AttestCA applet can generate keys on.
 *
 * <p>Each constant carries the one-byte identifier the applet uses for it in GENERATE KEY (P2),
 * LIST KEYS and GET INFO.
 */
public enum Curve {
  /** NIST P-256 ({@code secp256r1}, {@code prime256v1}). */
  P256(0x01, "secp256r1", "P-256", 32),
  /** NIST P-384 ({@code secp384r1}). */
  P384(0x02, "secp384r1", "P-384", 48);

  private final int id;
  private final String jcaName;
  private final String joseName;
  private final int fieldBytes;

  Curve(int id, String jcaName, String joseName, int fieldBytes) {
    this.id = id;
    this.jcaName = jcaName;
    this.joseName = joseName;
    this.fieldBytes = fieldBytes;
  }

  /** The applet's identifier for this curve. */
  public int id() {
    return id;
  }

  /** The curve's standard name for {@link java.security.spec.ECGenParameterSpec}. */
  public String jcaName() {
    return jcaName;
  }

  /** The curve's name in JOSE ({@code crv} of a JWK, RFC 7518 section 6.2.1.1). */
  public String joseName() {
    return joseName;
  }

  /** The length in bytes of one coordinate. */
  public int fieldBytes() {
    return fieldBytes;
  }

  /** The length in bytes of an uncompressed point ({@code 04 || X || Y}). */
  public int pointBytes() {
    return 1 + 2 * fieldBytes;
  }

  /**
   * The curve with the given applet identifier.
   *
   * @throws IllegalArgumentException if no curve has that identifier
   */
  public static Curve ofId(int id) {
    for (Curve c : values()) {
      if (c.id == id) {
        return c;
      }
    }
    throw new IllegalArgumentException(String.format("unknown curve identifier %02X", id));
  }
}
