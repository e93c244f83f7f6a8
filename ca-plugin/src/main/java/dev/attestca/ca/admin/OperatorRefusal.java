package dev.attestca.ca.admin;

import dev.attestca.verifier.ReasonCode;
import jakarta.ejb.ApplicationException;

/**
 * An admin request the CA refuses: bad input or a conflict with stored state. The transaction rolls
 * back; the REST layer answers with the reason code and the message, which names the field, the
 * rule and the value and is safe to show the caller.
 */
@ApplicationException(rollback = true)
public class OperatorRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;

  public OperatorRefusal(ReasonCode reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReasonCode reason() {
    return reason;
  }
}
