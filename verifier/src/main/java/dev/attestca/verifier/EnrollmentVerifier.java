package dev.attestca.verifier;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Verifies an enrollment request: a PKCS#10 CSR and the key attestation that proves its key was
 * generated in, and cannot leave, a secure element. Immutable and thread-safe; create one per
 * application and share it.
 *
 * <p>The steps, in order, each a rejection of its own: size limit (64 KiB) → CSR (DER, version 0,
 * allowed EC key, self-signature) → find the attestation (CSR attribute 1.2.840.113549.1.9.16.2.59
 * or the detached field, not both) → attestation required by the profile → statement type supported
 * and accepted → the format's own verification (signature, certificate path to the profile's
 * anchors with revocation, key binding, key properties) → nonce, consumed last so that a rejected
 * request never uses one up.
 *
 * <p>Not done here: deciding which requested extensions or subject names a profile allows (the
 * server does, from {@link VerifiedEnrollment#requestedExtensions()}); OCSP; JWS status lists.
 */
public final class EnrollmentVerifier {
  /** The largest request accepted: CSR and detached attestation together. */
  public static final int MAX_REQUEST_BYTES = 64 * 1024;

  private static final Logger LOG = System.getLogger(EnrollmentVerifier.class.getName());

  private final Clock clock;
  private final EcdsaSignatures signatures;
  private final Map<ASN1ObjectIdentifier, AttestationFormat> formats;

  /**
   * A verifier whose signatures are checked by the library's own Bouncy Castle provider instance
   * (never installed globally).
   *
   * @param clock the source of the validation time, not null
   */
  public EnrollmentVerifier(Clock clock) {
    this(clock, Providers.bouncyCastle());
  }

  /**
   * A verifier whose ECDSA signatures (CSR, CMS, JWS) are checked by {@code signatureProvider}, for
   * example the JDK's {@code SunEC}. Certificate paths and CRLs are always checked with the
   * library's Bouncy Castle instance.
   *
   * @param clock the source of the validation time, not null
   * @param signatureProvider a provider with SHA256withECDSA, SHA384withECDSA and an EC KeyFactory
   */
  public EnrollmentVerifier(Clock clock, Provider signatureProvider) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.signatures = new EcdsaSignatures(Objects.requireNonNull(signatureProvider, "provider"));
    this.formats =
        List.<AttestationFormat>of(new CmsKeyAttestationFormat(), new JwsKeyAttestationFormat())
            .stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    AttestationFormat::statementType, Function.identity()));
  }

  /**
   * Verifies one request under one profile.
   *
   * @param csrDer the DER PKCS#10 request, not null
   * @param detachedAttestation the attestation sent in a separate request field (a DER
   *     AttestationBundle, or a bare CMS ContentInfo), or null
   * @param policy the profile, not null
   * @param nonces the CA's nonce store; may be null only when the policy does not require a nonce
   * @return the verified request
   * @throws EnrollmentRejectedException when the request is invalid or not trusted under the policy
   * @throws VerifierConfigurationException when the verifier or policy is set up wrongly
   */
  public VerifiedEnrollment verify(
      byte[] csrDer, byte[] detachedAttestation, VerificationPolicy policy, NonceConsumer nonces)
      throws EnrollmentRejectedException {
    Objects.requireNonNull(policy, "policy");
    try {
      VerifiedEnrollment result = verifySteps(csrDer, detachedAttestation, policy, nonces);
      LOG.log(
          Level.DEBUG,
          () ->
              "enrollment accepted: profile="
                  + policy.profileName()
                  + " format="
                  + result.attestation().map(VerifiedAttestation::format).orElse("none"));
      return result;
    } catch (EnrollmentRejectedException e) {
      LOG.log(
          Level.DEBUG,
          () -> "enrollment rejected: profile=" + policy.profileName() + " reason=" + e.reason());
      throw e;
    }
  }

  private VerifiedEnrollment verifySteps(
      byte[] csrDer, byte[] detached, VerificationPolicy policy, NonceConsumer nonces)
      throws EnrollmentRejectedException {
    checkSize(csrDer, detached);
    ParsedCsr csr = ParsedCsr.parse(csrDer, policy, signatures);
    Optional<AttestationStatement> statement = AttestationStatement.locate(csr, detached);
    if (statement.isEmpty()) {
      if (policy.requireAttestation()) {
        throw new EnrollmentRejectedException(
            ReasonCode.ATTESTATION_MISSING,
            "profile '"
                + policy.profileName()
                + "' requires a key attestation in CSR attribute 1.2.840.113549.1.9.16.2.59 or"
                + " the detached field; got none");
      }
      return result(csr, Optional.empty());
    }
    AttestationFormat format = format(statement.get(), policy);
    Instant now = clock.instant();
    VerifiedAttestation attestation =
        format.verify(
            statement.get(), new AttestationFormat.Context(policy, now, csr.key(), signatures));
    consumeNonce(attestation, policy, nonces);
    return result(csr, Optional.of(attestation));
  }

  private static void checkSize(byte[] csrDer, byte[] detached) throws EnrollmentRejectedException {
    if (csrDer == null) {
      throw new EnrollmentRejectedException(ReasonCode.CSR_MALFORMED, "CSR must be present");
    }
    long size = (long) csrDer.length + (detached == null ? 0 : detached.length);
    if (size > MAX_REQUEST_BYTES) {
      throw new EnrollmentRejectedException(
          ReasonCode.CSR_TOO_LARGE,
          "CSR plus detached attestation must be at most "
              + MAX_REQUEST_BYTES
              + " bytes; got "
              + size);
    }
  }

  private AttestationFormat format(AttestationStatement statement, VerificationPolicy policy)
      throws EnrollmentRejectedException {
    AttestationFormat format = formats.get(statement.type());
    if (format == null) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_FORMAT_UNSUPPORTED,
          statement.source()
              + " statement type must be a supported attestation format; got "
              + statement.type().getId());
    }
    if (!policy.acceptedFormats().contains(format.name())) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_FORMAT_NOT_ACCEPTED,
          "attestation format must be one profile '"
              + policy.profileName()
              + "' accepts "
              + policy.acceptedFormats()
              + "; got "
              + format.name());
    }
    return format;
  }

  private static void consumeNonce(
      VerifiedAttestation attestation, VerificationPolicy policy, NonceConsumer nonces)
      throws EnrollmentRejectedException {
    if (!policy.requireNonce()) {
      return;
    }
    byte[] nonce = attestation.nonce();
    if (nonce == null) {
      throw new EnrollmentRejectedException(
          ReasonCode.NONCE_MISSING,
          "profile '"
              + policy.profileName()
              + "' requires the attestation to carry a nonce; "
              + attestation.format()
              + " attestation has none");
    }
    if (nonces == null) {
      throw new VerifierConfigurationException(
          "profile '" + policy.profileName() + "' requires a nonce but no NonceConsumer was given");
    }
    nonces.consume(nonce, policy.profileName());
  }

  private static VerifiedEnrollment result(
      ParsedCsr csr, Optional<VerifiedAttestation> attestation) {
    return new VerifiedEnrollment(
        csr.csr(), csr.key().spki(), attestation, csr.requestedExtensions());
  }
}
