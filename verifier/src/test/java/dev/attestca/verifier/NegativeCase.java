package dev.attestca.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One bad request and the reason it must be rejected with. Rows are named "what is wrong → CODE"
 * and each runs under the JDK's SunEC and under a Bouncy Castle provider instance.
 */
record NegativeCase(String description, ReasonCode expected, Scenario scenario) {

  /** Builds the bad request from the generated test PKI. */
  interface Scenario {
    Request build() throws Exception;
  }

  /** Everything {@link EnrollmentVerifier#verify} takes. */
  record Request(byte[] csr, byte[] detached, VerificationPolicy policy, RecordingNonces nonces) {}

  static NegativeCase row(String description, ReasonCode expected, Scenario scenario) {
    return new NegativeCase(description, expected, scenario);
  }

  static List<Named<EnrollmentVerifier>> verifiers() {
    Provider sunEc = Security.getProvider("SunEC");
    return List.of(
        Named.of("Bouncy Castle", new EnrollmentVerifier(TestPki.CLOCK)),
        Named.of("SunEC", new EnrollmentVerifier(TestPki.CLOCK, sunEc)));
  }

  /** Every row under every provider set. */
  static Stream<Arguments> withProviders(Stream<NegativeCase> rows) {
    List<Named<EnrollmentVerifier>> verifiers = verifiers();
    return rows.flatMap(
        row ->
            verifiers.stream()
                .map(
                    v ->
                        Arguments.of(
                            Named.of(row.description() + " → " + row.expected(), row), v)));
  }

  /** Asserts the rejection, and that no nonce was used up unless the nonce step rejected. */
  void assertRejectedBy(EnrollmentVerifier verifier) throws Exception {
    Request request = scenario.build();
    EnrollmentRejectedException e =
        assertThrows(
            EnrollmentRejectedException.class,
            () ->
                verifier.verify(
                    request.csr(), request.detached(), request.policy(), request.nonces()));
    assertEquals(expected, e.reason(), e.getMessage());
    assertFalse(e.getMessage().isBlank());
    boolean nonceStep =
        expected.name().startsWith("NONCE_") && expected != ReasonCode.NONCE_MISSING;
    assertEquals(nonceStep ? 1 : 0, request.nonces().consumed.size(), "nonces consumed");
    assertTrue(e.getMessage().length() < 1000, "message stays a sentence");
  }
}
