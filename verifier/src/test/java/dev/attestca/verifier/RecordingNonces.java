package dev.attestca.verifier;

import java.util.ArrayList;
import java.util.List;

/** A nonce store for tests: records every call and optionally rejects. */
final class RecordingNonces implements NonceConsumer {
  final List<byte[]> consumed = new ArrayList<>();
  final List<String> profiles = new ArrayList<>();
  private final ReasonCode rejection;

  RecordingNonces() {
    this(null);
  }

  RecordingNonces(ReasonCode rejection) {
    this.rejection = rejection;
  }

  @Override
  public void consume(byte[] nonce, String profileName) throws EnrollmentRejectedException {
    consumed.add(nonce.clone());
    profiles.add(profileName);
    if (rejection != null) {
      throw new EnrollmentRejectedException(rejection, "nonce must be " + rejection);
    }
  }
}
