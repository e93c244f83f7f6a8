package dev.attestca.ca.revocation;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.audit.AuditLog;
import dev.attestca.ca.issuance.Serials;
import dev.attestca.ca.model.IssuedCertificate;
import dev.attestca.verifier.ReasonCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Revokes issued certificates, one by serial or all those issued on the strength of one attestation
 * certificate. Each revocation locks the certificate's row, is audited, and marks the CRL stale in
 * the same transaction.
 */
@Stateless
public class RevocationService {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject CrlService crl;

  /** Revokes the certificate with {@code serial} (lower-case or upper-case hex) now. */
  public CertificateStatus revoke(String serial, String reasonName, String caller) {
    return revoke(serial, reason(reasonName), clock.instant(), caller);
  }

  /**
   * Revokes the certificate with {@code serial} (lower-case or upper-case hex), recording {@code
   * at} as its revocation date; the caller has checked that it does not lie in the future.
   */
  public CertificateStatus revoke(
      String serial, RevocationReason reason, Instant at, String caller) {
    List<IssuedCertificate> found =
        em.createQuery(
                "select c from IssuedCertificate c where c.serialNumber = :serial",
                IssuedCertificate.class)
            .setParameter("serial", Serials.normalise(serial))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (found.isEmpty()) {
      throw new OperatorRefusal(
          ReasonCode.CERTIFICATE_UNKNOWN,
          "serial must name a certificate this CA issued; " + serial + " is unknown");
    }
    IssuedCertificate certificate = found.get(0);
    if (certificate.getRevokedAt() != null) {
      throw new OperatorRefusal(
          ReasonCode.CERTIFICATE_ALREADY_REVOKED,
          "certificate "
              + certificate.getSerialNumber()
              + " must not be revoked twice; it was revoked at "
              + certificate.getRevokedAt()
              + " for "
              + certificate.getRevocationReason());
    }
    return revokeLocked(certificate, reason, caller, at);
  }

  /**
   * Revokes every certificate not yet revoked that was issued on the strength of the attestation
   * certificate with SHA-256 fingerprint {@code attestationSha256}.
   */
  public List<CertificateStatus> revokeIssuedOn(
      String attestationSha256, String reasonName, String caller) {
    RevocationReason reason = reason(reasonName);
    List<IssuedCertificate> affected =
        em.createQuery(
                "select c from IssuedCertificate c where c.attestationSignerSha256 = :signer"
                    + " and c.revokedAt is null order by c.id",
                IssuedCertificate.class)
            .setParameter("signer", attestationSha256)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    Instant now = clock.instant();
    List<CertificateStatus> revoked = new ArrayList<>();
    for (IssuedCertificate certificate : affected) {
      revoked.add(revokeLocked(certificate, reason, caller, now));
    }
    return revoked;
  }

  private CertificateStatus revokeLocked(
      IssuedCertificate certificate, RevocationReason reason, String caller, Instant now) {
    CertificateStatus before = CertificateStatus.of(certificate);
    certificate.revoke(now, reason.rfcName(), caller);
    CertificateStatus after = CertificateStatus.of(certificate);
    crl.markStale();
    audit.adminChange(
        caller,
        "certificate.revoke",
        certificate.getSerialNumber(),
        certificate.getProfileName(),
        before,
        after);
    return after;
  }

  private static RevocationReason reason(String name) {
    return RevocationReason.named(name == null ? "" : name)
        .orElseThrow(
            () ->
                new OperatorRefusal(
                    ReasonCode.REVOCATION_REASON_INVALID,
                    "reason must be an RFC 5280 CRLReason name ("
                        + RevocationReason.names()
                        + "); got '"
                        + name
                        + "'"));
  }
}
