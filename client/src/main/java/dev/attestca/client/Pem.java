package dev.attestca.client;

import java.util.Base64;

/** PEM text (RFC 7468). */
public final class Pem {

  private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, new byte[] {'\n'});

  private Pem() {}

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
