package dev.attestca.client;

/** The CA answered with an error status; {@link #problem()} holds its reason code and sentence. */
public final class CaRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient CaClient.Problem problem;

  CaRefusedException(int status, CaClient.Problem problem) {
    super(
        "HTTP "
            + status
            + (problem.reason() == null ? "" : " " + problem.reason())
            + ": "
            + problem.detail());
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  /** The stable reason code, e.g. {@code ATTESTATION_CHAIN_UNTRUSTED}; null if the CA gave none. */
  public String reason() {
    return problem.reason();
  }

  public CaClient.Problem problem() {
    return problem;
  }
}
