package dev.attestca.ca.trust;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.audit.AuditLog;
import dev.attestca.ca.issuance.Fingerprints;
import dev.attestca.ca.model.AttestationCertificate;
import dev.attestca.ca.model.IssuedCertificate;
import dev.attestca.verifier.ReasonCode;
import dev.attestca.verifier.VerifiedAttestation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The repository of attestation certificates seen in accepted requests: counts issuances on their
 * strength, lists them, and lets a CA admin distrust one.
 */
@Stateless
public class AttestationCertificateRegistry {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject AttestationCertificateInserter inserter;

  /**
   * Counts one issuance on the strength of {@code attestation}, registering its certificate on
   * first use, in the caller's transaction.
   *
   * @return false when the certificate is distrusted: the request must be refused
   */
  public boolean countIssuance(VerifiedAttestation attestation, Instant now) {
    X509Certificate signer = attestation.signerCertificate();
    String sha256 = Fingerprints.sha256(signer);
    if (countIfTrusted(sha256, now)) {
      return true;
    }
    if (find(sha256) == null) {
      inserter.insertIfAbsent(
          new AttestationCertificate(
              sha256,
              signer.getSubjectX500Principal().getName(),
              signer.getIssuerX500Principal().getName(),
              base64(signer),
              attestation.format(),
              attestation.appletBuild(),
              attestation.appletVersion(),
              now));
      return countIfTrusted(sha256, now);
    }
    return false;
  }

  /** One conditional UPDATE: the row lock orders it against a concurrent distrust. */
  private boolean countIfTrusted(String sha256, Instant now) {
    return em.createQuery(
                "update AttestationCertificate c set c.lastSeen = :now,"
                    + " c.issuedCount = c.issuedCount + 1"
                    + " where c.sha256Fingerprint = :sha256 and c.status = :trusted")
            .setParameter("now", now)
            .setParameter("sha256", sha256)
            .setParameter("trusted", AttestationCertificate.Status.TRUSTED.name())
            .executeUpdate()
        == 1;
  }

  public List<AttestationCertificateView> list() {
    return em.createQuery(
            "select c from AttestationCertificate c order by c.firstSeen",
            AttestationCertificate.class)
        .setMaxResults(1000)
        .getResultStream()
        .map(AttestationCertificateView::of)
        .toList();
  }

  public AttestationCertificateView get(String sha256) {
    return AttestationCertificateView.of(require(sha256, LockModeType.NONE));
  }

  /** The certificates issued on the strength of the attestation certificate, oldest first. */
  public List<IssuedCertificate> issuedOn(String sha256) {
    require(sha256, LockModeType.NONE);
    return em.createQuery(
            "select c from IssuedCertificate c where c.attestationSignerSha256 = :sha256"
                + " order by c.id",
            IssuedCertificate.class)
        .setParameter("sha256", sha256)
        .getResultList();
  }

  /**
   * Distrusts the certificate: later requests attested by it are refused. A distrusted certificate
   * stays distrusted, with the reason, time and admin of the first distrust.
   */
  public AttestationCertificateView distrust(String sha256, String reason, String caller) {
    if (reason == null || reason.isBlank()) {
      throw new OperatorRefusal(
          ReasonCode.PARAMETER_INVALID,
          "reason must say why the attestation certificate is distrusted; it is missing");
    }
    AttestationCertificate certificate = require(sha256, LockModeType.PESSIMISTIC_WRITE);
    if (certificate.getStatus() == AttestationCertificate.Status.DISTRUSTED) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CERTIFICATE_ALREADY_DISTRUSTED,
          "sha256 must name a trusted attestation certificate; "
              + sha256
              + " was distrusted at "
              + certificate.getStatusChangedAt()
              + " by "
              + certificate.getStatusChangedBy());
    }
    AttestationCertificateView before = AttestationCertificateView.of(certificate);
    certificate.distrust(clock.instant(), caller, reason);
    AttestationCertificateView after = AttestationCertificateView.of(certificate);
    audit.adminChange(caller, "attestation-certificate.distrust", sha256, null, before, after);
    return after;
  }

  private AttestationCertificate require(String sha256, LockModeType lock) {
    AttestationCertificate found = find(sha256);
    if (found == null) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CERTIFICATE_UNKNOWN,
          "sha256 must name an attestation certificate seen in an accepted request; "
              + sha256
              + " is unknown");
    }
    if (lock != LockModeType.NONE) {
      em.refresh(found, lock);
    }
    return found;
  }

  private AttestationCertificate find(String sha256) {
    return em.createQuery(
            "select c from AttestationCertificate c where c.sha256Fingerprint = :sha256",
            AttestationCertificate.class)
        .setParameter("sha256", sha256 == null ? "" : sha256.toLowerCase())
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private static String base64(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("attestation certificate does not encode", e);
    }
  }
}
