package dev.attestca.verifier;

import java.util.List;
import java.util.stream.Stream;

/**
 * The verifier's whole negative suite as plain requests, for tests outside this module that send
 * the same bad inputs through other layers (the REST API) and check they are refused there too.
 */
public final class NegativeSuite {

  /**
   * One bad request.
   *
   * @param name what is wrong with it
   * @param expectedReason the code the verifier rejects it with under the test PKI's policy
   * @param csr the DER CSR
   * @param detachedAttestation the attestation sent beside the CSR, or null
   */
  public record Input(String name, String expectedReason, byte[] csr, byte[] detachedAttestation) {}

  private NegativeSuite() {}

  /** Every row of every step, built afresh from the generated test PKI. */
  public static List<Input> inputs() throws Exception {
    List<NegativeCase> rows =
        Stream.of(
                CsrAndBundleNegativeCasesTest.rows(),
                CmsNegativeCasesTest.rows(),
                ChainNegativeCasesTest.rows(),
                JwsNegativeCasesTest.rows())
            .flatMap(s -> s)
            .toList();
    List<Input> inputs = new java.util.ArrayList<>();
    for (NegativeCase row : rows) {
      NegativeCase.Request request = row.scenario().build();
      inputs.add(
          new Input(row.description(), row.expected().name(), request.csr(), request.detached()));
    }
    return inputs;
  }
}
