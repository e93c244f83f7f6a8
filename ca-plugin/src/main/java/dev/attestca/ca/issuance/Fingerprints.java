package dev.attestca.ca.issuance;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.verifier.ReasonCode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 fingerprints in the lower-case hex form the database and the API use. */
public final class Fingerprints {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private Fingerprints() {}

  /**
   * A SHA-256 fingerprint a caller gave in the request parameter {@code member}, in the stored
   * form; null when none was given. Anything but 64 hex digits is refused with PARAMETER_INVALID.
   */
  public static String parameter(String member, String value, String what) {
    if (value == null) {
      return null;
    }
    if (!SHA256_HEX.matcher(value).matches()) {
      throw new OperatorRefusal(
          ReasonCode.PARAMETER_INVALID,
          member + " must be " + what + " as 64 hex digits; got '" + value + "'");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  public static String sha256(X509Certificate certificate) {
    try {
      return sha256(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate does not encode", e);
    }
  }
}
