package dev.attestca.ca.api;

import dev.attestca.verifier.ReasonCode;

/** A request the CA refuses; the message names the field, the rule and the value. */
public class RefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;

  public RefusedException(ReasonCode reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReasonCode reason() {
    return reason;
  }
}
