package dev.attestca.ejbca;

import java.util.List;

/** The JSON documents of EJBCA's certificate REST resource that AttestCA serves. */
final class Messages {

  private Messages() {}

  /**
   * The body of {@code POST /v1/certificate/pkcs10enroll}. {@code end_entity_profile_name}, {@code
   * username}, {@code password} and {@code email} are accepted and not used: AttestCA keeps no end
   * entities; the certificate profile decides.
   */
  public record EnrollRequest(
      String certificateRequest,
      String certificateProfileName,
      String endEntityProfileName,
      String certificateAuthorityName,
      String username,
      String password,
      String email,
      Boolean includeChain,
      String responseFormat) {}

  /**
   * An issued certificate: {@code certificate} and each chain element are base64 DER; {@code
   * serial_number} is upper-case hex without leading zeros; the chain is present only when asked
   * for.
   */
  public record CertificateResponse(
      String certificate,
      String serialNumber,
      String responseFormat,
      List<String> certificateChain) {}

  /**
   * A revocation status. {@code revocation_date} (ISO 8601, UTC, seconds) only when revoked; {@code
   * message} only in the answer to a revocation.
   */
  public record RevocationStatusResponse(
      String issuerDn,
      String serialNumber,
      boolean revoked,
      String revocationReason,
      String revocationDate,
      String message) {}

  /** EJBCA's error document: the HTTP status again, and a message. */
  public record ErrorResponse(int errorCode, String errorMessage) {}
}
