package dev.attestca.verifier;

/**
 * Why an enrollment request was rejected. The constant names are a stable contract: clients and
 * operators may match on them, so a constant is never renamed or reused for another meaning.
 *
 * <p>Each code belongs to one {@link Kind}: the request is invalid, the request is valid but not
 * trusted under the profile, or the verdict is temporarily unavailable. A broken server setup is
 * never a reason code; it is a {@link VerifierConfigurationException}.
 */
public enum ReasonCode {
  REQUEST_MALFORMED(
      400, Kind.INVALID, "The request body is not the JSON document the endpoint takes."),
  PROFILE_UNKNOWN(400, Kind.INVALID, "The request names no certificate profile of this CA."),
  CERTIFICATE_UNKNOWN(404, Kind.INVALID, "No certificate of this CA has the given serial number."),
  CA_UNKNOWN(
      404, Kind.INVALID, "The request names a certificate authority this server does not run."),
  PARAMETER_INVALID(
      400, Kind.INVALID, "A path, query or body parameter does not have the form it must have."),
  REVOCATION_REASON_INVALID(
      400, Kind.INVALID, "The revocation reason is not one this CA records (RFC 5280 CRLReason)."),
  CERTIFICATE_ALREADY_REVOKED(409, Kind.INVALID, "The certificate is already revoked."),
  CSR_TOO_LARGE(413, Kind.INVALID, "The request (CSR plus detached attestation) exceeds 64 KiB."),
  CSR_MALFORMED(400, Kind.INVALID, "The CSR is not a DER PKCS#10 request of version 0."),
  CSR_SIGNATURE_INVALID(400, Kind.INVALID, "The CSR's self-signature does not verify."),
  SIGNATURE_ALGORITHM_NOT_ALLOWED(
      422, Kind.INVALID, "A signature or digest algorithm is not on the allow-list."),
  KEY_ALGORITHM_NOT_ALLOWED(
      403, Kind.UNTRUSTED, "The key is not an EC key on a curve the profile allows."),
  KEY_CURVE_PARAMETERS_EXPLICIT(
      422, Kind.INVALID, "An EC key carries explicit curve parameters instead of a named curve."),
  KEY_POINT_COMPRESSED(422, Kind.INVALID, "An EC key is a compressed point."),
  ATTESTATION_MISSING(
      403, Kind.UNTRUSTED, "The profile requires a key attestation; none was sent."),
  ATTESTATION_AMBIGUOUS(
      400, Kind.INVALID, "More than one attestation or statement was sent where one is allowed."),
  ATTESTATION_MALFORMED(400, Kind.INVALID, "The attestation does not follow its format."),
  ATTESTATION_FORMAT_UNSUPPORTED(
      422, Kind.INVALID, "The attestation statement type or a critical feature is not supported."),
  ATTESTATION_FORMAT_NOT_ACCEPTED(
      403, Kind.UNTRUSTED, "The attestation format is supported but not accepted by the profile."),
  ATTESTATION_SIGNATURE_INVALID(
      400, Kind.INVALID, "The attestation's signature or message digest does not verify."),
  ATTESTATION_CHAIN_UNTRUSTED(
      403, Kind.UNTRUSTED, "The attestation signer does not chain to a trusted Attestation CA."),
  ATTESTATION_CERTIFICATE_REVOKED(
      403, Kind.UNTRUSTED, "A certificate of the attestation path is revoked."),
  ATTESTATION_REVOCATION_UNKNOWN(
      503, Kind.UNAVAILABLE, "No current CRL is available for a CA of the attestation path."),
  ATTESTATION_EXPIRED(
      403, Kind.UNTRUSTED, "The attestation is expired or not yet valid at the validation time."),
  ATTESTATION_KEY_MISMATCH(403, Kind.UNTRUSTED, "The attested key is not the CSR's key."),
  ATTESTATION_KEY_PROPERTIES_INSUFFICIENT(
      403, Kind.UNTRUSTED, "The attested key properties do not meet the profile's minimum."),
  NONCE_MISSING(400, Kind.INVALID, "The profile requires a nonce; the attestation carries none."),
  NONCE_UNKNOWN(400, Kind.INVALID, "The nonce was not issued by this CA for this profile."),
  NONCE_EXPIRED(400, Kind.INVALID, "The nonce was issued but has expired."),
  NONCE_REUSED(409, Kind.INVALID, "The nonce was already used."),
  AUTHENTICATION_REQUIRED(
      401, Kind.UNTRUSTED, "The profile does not allow anonymous enrollment; log in."),
  ROLE_REQUIRED(403, Kind.UNTRUSTED, "The caller does not hold the role the operation needs."),
  ATTESTATION_CERTIFICATE_DISTRUSTED(
      403, Kind.UNTRUSTED, "An operator distrusted the attestation certificate of the request."),
  SUBJECT_NOT_ALLOWED(
      403, Kind.UNTRUSTED, "The CSR subject carries an attribute the profile refuses."),
  PROFILE_INVALID(422, Kind.INVALID, "The profile settings are inconsistent or unknown."),
  PROFILE_EXISTS(409, Kind.INVALID, "A profile with that name exists already."),
  ATTESTATION_CA_INVALID(
      400, Kind.INVALID, "The Attestation CA certificate or CRL is unusable as a trust anchor."),
  ATTESTATION_CA_UNKNOWN(404, Kind.INVALID, "The trust store holds no such Attestation CA."),
  ATTESTATION_CA_EXISTS(409, Kind.INVALID, "The trust store holds that Attestation CA already."),
  ATTESTATION_CA_IN_USE(409, Kind.INVALID, "A profile still trusts that Attestation CA."),
  ATTESTATION_CERTIFICATE_UNKNOWN(
      404, Kind.INVALID, "No accepted request used that attestation certificate."),
  PROFILE_NOT_FOUND(404, Kind.INVALID, "The admin path names no certificate profile of this CA."),
  PROFILE_VERSION_CONFLICT(
      409, Kind.INVALID, "The profile changed since the version the change was based on."),
  ATTESTATION_CERTIFICATE_ALREADY_DISTRUSTED(
      409, Kind.INVALID, "The attestation certificate is distrusted already.");

  /** The three kinds of outcome a rejection can have. */
  public enum Kind {
    /** The request is syntactically or cryptographically invalid. */
    INVALID,
    /** The request is valid but not trusted under the profile. */
    UNTRUSTED,
    /** The verdict cannot be reached now (for example no current CRL); a retry may succeed. */
    UNAVAILABLE
  }

  private final int httpStatus;
  private final Kind kind;
  private final String description;

  ReasonCode(int httpStatus, Kind kind, String description) {
    this.httpStatus = httpStatus;
    this.kind = kind;
    this.description = description;
  }

  /** The HTTP status the REST layer answers with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the request is invalid, untrusted, or the verdict is unavailable. */
  public Kind kind() {
    return kind;
  }

  /** A one-line, client-safe description of the code. */
  public String description() {
    return description;
  }
}
