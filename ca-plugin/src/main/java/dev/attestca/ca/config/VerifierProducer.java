package dev.attestca.ca.config;

import dev.attestca.verifier.EnrollmentVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Provides the shared, immutable attestation verifier. */
@ApplicationScoped
public class VerifierProducer {

  @Inject Clock clock;

  @Produces
  @Singleton
  EnrollmentVerifier verifier() {
    return new EnrollmentVerifier(clock);
  }
}
