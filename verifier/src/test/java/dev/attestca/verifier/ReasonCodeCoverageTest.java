package dev.attestca.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Every code the verifier can produce is the expected outcome of at least one negative case. */
class ReasonCodeCoverageTest {
  /** Codes the server produces: before it calls the verifier, after it, or in its admin API. */
  private static final Set<ReasonCode> SERVER_ONLY =
      EnumSet.of(
          ReasonCode.REQUEST_MALFORMED,
          ReasonCode.PROFILE_UNKNOWN,
          ReasonCode.CERTIFICATE_UNKNOWN,
          ReasonCode.CA_UNKNOWN,
          ReasonCode.PARAMETER_INVALID,
          ReasonCode.AUTHENTICATION_REQUIRED,
          ReasonCode.ROLE_REQUIRED,
          ReasonCode.ATTESTATION_CERTIFICATE_DISTRUSTED,
          ReasonCode.SUBJECT_NOT_ALLOWED,
          ReasonCode.PROFILE_INVALID,
          ReasonCode.PROFILE_EXISTS,
          ReasonCode.ATTESTATION_CA_INVALID,
          ReasonCode.ATTESTATION_CA_UNKNOWN,
          ReasonCode.ATTESTATION_CA_EXISTS,
          ReasonCode.ATTESTATION_CA_IN_USE,
          ReasonCode.ATTESTATION_CERTIFICATE_UNKNOWN,
          ReasonCode.PROFILE_NOT_FOUND,
          ReasonCode.PROFILE_VERSION_CONFLICT,
          ReasonCode.ATTESTATION_CERTIFICATE_ALREADY_DISTRUSTED,
          ReasonCode.REVOCATION_REASON_INVALID,
          ReasonCode.CERTIFICATE_ALREADY_REVOKED);

  @Test
  void everyVerifierReasonCodeHasANegativeCase() {
    Set<ReasonCode> covered =
        Stream.of(
                CsrAndBundleNegativeCasesTest.cases(),
                CmsNegativeCasesTest.cases(),
                ChainNegativeCasesTest.cases(),
                JwsNegativeCasesTest.cases())
            .flatMap(s -> s)
            .map(Arguments::get)
            .map(args -> (NegativeCase) ((Named<?>) args[0]).getPayload())
            .map(NegativeCase::expected)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReasonCode.class)));
    Set<ReasonCode> expected = EnumSet.allOf(ReasonCode.class);
    expected.removeAll(SERVER_ONLY);
    expected.removeAll(covered);
    assertEquals(Set.of(), expected, "reason codes without a negative case");
  }
}
