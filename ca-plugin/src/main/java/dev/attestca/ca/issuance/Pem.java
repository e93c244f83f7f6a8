package dev.attestca.ca.issuance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM text for the API's responses (RFC 7468), written by Bouncy Castle. */
public final class Pem {

  private Pem() {}

  public static String certificate(X509Certificate certificate) {
    try {
      return encode("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate does not encode", e);
    }
  }

  public static String encode(String label, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter pem = new PemWriter(text)) {
      pem.writeObject(new PemObject(label, der));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string failed", e);
    }
    return text.toString();
  }
}
