package dev.attestca.ca.trust;

import dev.attestca.ca.model.AttestationCertificate;
import java.time.Instant;

/** An attestation certificate of the repository as the admin API and the audit trail show it. */
public record AttestationCertificateView(
    String sha256,
    String subject,
    String issuer,
    String attestationFormat,
    String appletBuild,
    String appletVersion,
    Instant firstSeen,
    Instant lastSeen,
    long issuedCount,
    String status,
    Instant statusChangedAt,
    String statusChangedBy,
    String statusReason,
    String certificate) {

  public static AttestationCertificateView of(AttestationCertificate c) {
    return new AttestationCertificateView(
        c.getSha256Fingerprint(),
        c.getSubject(),
        c.getIssuer(),
        c.getAttestationFormat(),
        c.getAppletBuild(),
        c.getAppletVersion(),
        c.getFirstSeen(),
        c.getLastSeen(),
        c.getIssuedCount(),
        c.getStatus().name(),
        c.getStatusChangedAt(),
        c.getStatusChangedBy(),
        c.getStatusReason(),
        c.getCertificateBase64());
  }
}
