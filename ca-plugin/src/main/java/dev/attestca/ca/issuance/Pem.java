package dev.attestca.ca.issuance;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** PEM text for the API's responses (RFC 7468). */
public final class Pem {

  private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, new byte[] {'\n'});

  private Pem() {}

  public static String certificate(X509Certificate certificate) {
    try {
      return encode("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate does not encode", e);
    }
  }

  public static String encode(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + MIME.encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
