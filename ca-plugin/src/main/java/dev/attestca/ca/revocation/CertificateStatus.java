package dev.attestca.ca.revocation;

import dev.attestca.ca.model.IssuedCertificate;
import java.time.Instant;

/**
 * A certificate's revocation status as the API and the audit trail show it.
 *
 * @param serialNumber lower-case hex
 * @param status {@code good} or {@code revoked}
 * @param revokedAt null while good
 * @param revocationReason the RFC 5280 name, null while good
 */
public record CertificateStatus(
    String serialNumber, String status, Instant revokedAt, String revocationReason) {

  public static CertificateStatus of(IssuedCertificate c) {
    return new CertificateStatus(
        c.getSerialNumber(),
        c.getRevokedAt() == null ? "good" : "revoked",
        c.getRevokedAt(),
        c.getRevocationReason());
  }
}
