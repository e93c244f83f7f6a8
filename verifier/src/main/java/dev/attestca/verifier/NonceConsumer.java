package dev.attestca.verifier;

/**
 * The CA's nonce store, as the verifier sees it. The verifier calls it last, only after every other
 * check passed, so a rejected request never uses up a nonce.
 *
 * <p>Implementations must be thread-safe and make the check-and-mark atomic (for example a single
 * conditional UPDATE or an INSERT against a unique constraint), never a look-up followed by a
 * write.
 */
@FunctionalInterface
public interface NonceConsumer {
  /**
   * Atomically marks the nonce used for this profile.
   *
   * @param nonce the nonce bytes taken from the attestation (a copy the implementation may keep)
   * @param profileName the profile the request is for
   * @throws EnrollmentRejectedException with {@link ReasonCode#NONCE_UNKNOWN}, {@link
   *     ReasonCode#NONCE_EXPIRED} or {@link ReasonCode#NONCE_REUSED} when the nonce cannot be used
   */
  void consume(byte[] nonce, String profileName) throws EnrollmentRejectedException;
}
