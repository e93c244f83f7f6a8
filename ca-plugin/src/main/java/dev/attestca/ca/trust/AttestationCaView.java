package dev.attestca.ca.trust;

import dev.attestca.ca.model.AttestationCa;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An Attestation CA of the trust store as the admin API and the audit trail show it. */
public record AttestationCaView(
    String sha256,
    String subject,
    Instant addedAt,
    Instant crlThisUpdate,
    Instant crlNextUpdate,
    List<String> trustedByProfiles) {

  public static AttestationCaView of(AttestationCa ca, List<String> profiles) {
    Optional<X509CRL> crl = ca.crl();
    return new AttestationCaView(
        ca.getSha256Fingerprint(),
        ca.getSubject(),
        ca.getAddedAt(),
        crl.map(c -> c.getThisUpdate().toInstant()).orElse(null),
        crl.map(c -> c.getNextUpdate() == null ? null : c.getNextUpdate().toInstant()).orElse(null),
        profiles);
  }
}
