package dev.attestca.verifier;

/**
 * The verifier or its policy is set up wrongly (for example no trust anchors on a profile that
 * requires attestation, or a provider without a needed algorithm). This is a server fault: the
 * message is for logs only and must never be sent to a client.
 */
public final class VerifierConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VerifierConfigurationException(String message) {
    super(message);
  }

  public VerifierConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
