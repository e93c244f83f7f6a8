package dev.attestca.client;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM text (RFC 7468), written by Bouncy Castle. */
public final class Pem {

  private Pem() {}

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
