package dev.attestca.verifier;

import java.time.Instant;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * One attestation format: decodes a statement of its type and checks, in order, its signature, its
 * certificate path to the profile's anchors, its binding to the CSR key and the key's properties.
 * The nonce is returned, not consumed: the facade consumes it last. Implementations are stateless
 * and thread-safe.
 */
interface AttestationFormat {

  /** The format name used in policies, e.g. {@link VerificationPolicy#FORMAT_CMS}. */
  String name();

  /** The AttestationStatement type OID this format handles. */
  ASN1ObjectIdentifier statementType();

  VerifiedAttestation verify(AttestationStatement statement, Context context)
      throws EnrollmentRejectedException;

  /**
   * What a format needs besides the statement.
   *
   * @param policy the profile
   * @param now the validation time, from the verifier's clock
   * @param csrKey the CSR's validated key
   * @param signatures the signature verifier with the chosen provider
   */
  record Context(
      VerificationPolicy policy, Instant now, EcKey csrKey, EcdsaSignatures signatures) {}
}
