package dev.attestca.ejbca;

import java.util.Base64;

/** The {@code certificate_request} field: a PEM CSR, or its bare base64 body, as EJBCA takes it. */
final class CsrText {

  private CsrText() {}

  /**
   * The DER bytes, or an empty array when the text is not PEM or base64; the enrollment then
   * refuses it as CSR_MALFORMED, audited like every refusal.
   */
  static byte[] der(String text) {
    String body = text.strip();
    if (body.startsWith("-----BEGIN ")) {
      int start = body.indexOf('\n');
      int end = body.lastIndexOf("-----END ");
      body = start < 0 || end < start ? "" : body.substring(start + 1, end);
    }
    try {
      return Base64.getMimeDecoder().decode(body.replace("\\n", ""));
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
