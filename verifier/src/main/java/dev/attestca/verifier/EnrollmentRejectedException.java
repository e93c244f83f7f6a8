package dev.attestca.verifier;

import java.util.Objects;

/**
 * An enrollment request was rejected. {@link #reason()} is the stable code; {@link #getMessage()}
 * is a client-safe sentence naming the field, the rule and the value that failed. Neither contains
 * secrets or server configuration details.
 */
public final class EnrollmentRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;

  /**
   * @param reason the stable reason code, not null
   * @param message the client-safe sentence, not null
   */
  public EnrollmentRejectedException(ReasonCode reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * @param reason the stable reason code, not null
   * @param message the client-safe sentence, not null
   * @param cause the underlying failure, kept for logs only
   */
  public EnrollmentRejectedException(ReasonCode reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code; never null. */
  public ReasonCode reason() {
    return reason;
  }
}
