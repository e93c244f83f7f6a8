package dev.attestca.ca.rest;

import java.util.Base64;

/** Decoding of the binary fields the API takes as text. */
final class Requests {

  private Requests() {}

  /**
   * Decodes PEM (any label) or bare base64 / base64url DER.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  static byte[] derFromText(String text) {
    String body = text.strip();
    if (body.startsWith("-----BEGIN ")) {
      int start = body.indexOf('\n');
      int end = body.lastIndexOf("-----END ");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("PEM text has no body between its BEGIN and END lines");
      }
      body = body.substring(start + 1, end);
    }
    String compact = body.replaceAll("\\s", "");
    if (compact.isEmpty()) {
      throw new IllegalArgumentException("the value is empty");
    }
    if (compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0) {
      return Base64.getUrlDecoder().decode(compact);
    }
    return Base64.getDecoder().decode(compact);
  }
}
