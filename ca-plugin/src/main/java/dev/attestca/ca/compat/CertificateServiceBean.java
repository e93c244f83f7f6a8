package dev.attestca.ca.compat;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.api.CertificateService;
import dev.attestca.ca.api.Enrollment;
import dev.attestca.ca.api.RefusedException;
import dev.attestca.ca.api.RevocationStatus;
import dev.attestca.ca.enrollment.EnrollmentOutcome;
import dev.attestca.ca.enrollment.EnrollmentRequest;
import dev.attestca.ca.enrollment.EnrollmentService;
import dev.attestca.ca.issuance.CertificateAuthority;
import dev.attestca.ca.model.IssuedCertificate;
import dev.attestca.ca.revocation.RevocationReason;
import dev.attestca.ca.revocation.RevocationService;
import dev.attestca.verifier.ReasonCode;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The CA module's implementation of {@link CertificateService}, for the other web modules. */
@Stateless
@Local(CertificateService.class)
public class CertificateServiceBean implements CertificateService {

  /**
   * The RFC 5280 CRLReason names, in EJBCA's spelling, that a revocation may give. Certificate hold
   * is absent: EJBCA clients use it to suspend, and revocation here is final.
   */
  static final Map<String, RevocationReason> REASONS =
      Map.of(
          "UNSPECIFIED", RevocationReason.UNSPECIFIED,
          "KEY_COMPROMISE", RevocationReason.KEY_COMPROMISE,
          "CA_COMPROMISE", RevocationReason.CA_COMPROMISE,
          "AFFILIATION_CHANGED", RevocationReason.AFFILIATION_CHANGED,
          "SUPERSEDED", RevocationReason.SUPERSEDED,
          "CESSATION_OF_OPERATION", RevocationReason.CESSATION_OF_OPERATION,
          "PRIVILEGES_WITHDRAWN", RevocationReason.PRIVILEGE_WITHDRAWN,
          "AA_COMPROMISE", RevocationReason.AA_COMPROMISE);

  @Inject EnrollmentService enrollment;
  @Inject RevocationService revocation;
  @Inject CertificateAuthority ca;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  @Override
  public Enrollment enroll(String profileName, byte[] csrDer, String caller, boolean enroller) {
    EnrollmentOutcome outcome =
        enrollment.enroll(new EnrollmentRequest(profileName, csrDer, null, caller, enroller));
    if (outcome instanceof EnrollmentOutcome.Rejected rejected) {
      return new Enrollment.Refused(rejected.reason(), rejected.message());
    }
    EnrollmentOutcome.Issued issued = (EnrollmentOutcome.Issued) outcome;
    return new Enrollment.Issued(
        der(issued.certificate()),
        issued.certificate().getSerialNumber(),
        issued.chain().stream().map(CertificateServiceBean::der).toList());
  }

  @Override
  public boolean caKeyUsable() {
    return ca.canSign();
  }

  @Override
  public List<byte[]> caChain() {
    return ca.chain().stream().map(CertificateServiceBean::der).toList();
  }

  @Override
  public RevocationStatus status(String issuerDn, BigInteger serial) throws RefusedException {
    return statusOf(find(issuerDn, serial, false));
  }

  @Override
  public RevocationStatus revoke(
      String issuerDn, BigInteger serial, String reason, Instant date, String caller)
      throws RefusedException {
    RevocationReason rfcReason = reason == null ? null : REASONS.get(reason);
    if (rfcReason == null) {
      throw new RefusedException(
          ReasonCode.REVOCATION_REASON_INVALID,
          "reason must be one of " + new TreeSet<>(REASONS.keySet()) + "; got '" + reason + "'");
    }
    Instant now = clock.instant();
    if (date != null && date.isAfter(now)) {
      throw new RefusedException(
          ReasonCode.PARAMETER_INVALID,
          "date must not lie in the future; got " + date + ", now is " + now);
    }
    IssuedCertificate certificate = find(issuerDn, serial, true);
    if (certificate.getRevokedAt() != null) {
      throw new RefusedException(
          ReasonCode.CERTIFICATE_ALREADY_REVOKED,
          "certificate must not be revoked already; serial "
              + certificate.getSerialNumber()
              + " was revoked at "
              + certificate.getRevokedAt());
    }
    try {
      revocation.revoke(
          certificate.getSerialNumber(), rfcReason, date == null ? now : date, caller);
    } catch (OperatorRefusal refusal) {
      throw new RefusedException(refusal.reason(), refusal.getMessage());
    }
    return statusOf(certificate);
  }

  private IssuedCertificate find(String issuerDn, BigInteger serial, boolean forUpdate)
      throws RefusedException {
    X509Certificate caCertificate = ca.certificate();
    if (!IssuerNames.sameName(issuerDn, caCertificate.getSubjectX500Principal())) {
      throw new RefusedException(
          ReasonCode.CA_UNKNOWN,
          "issuer DN must be the subject of this CA's certificate, "
              + caCertificate.getSubjectX500Principal().getName()
              + "; got '"
              + issuerDn
              + "'");
    }
    List<IssuedCertificate> found =
        em.createQuery(
                "select c from IssuedCertificate c where c.issuer = :issuer"
                    + " and c.serialNumber = :serial",
                IssuedCertificate.class)
            .setParameter("issuer", caCertificate.getSubjectX500Principal().getName())
            .setParameter("serial", serial.toString(16))
            .setLockMode(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
            .getResultList();
    if (found.isEmpty()) {
      throw new RefusedException(
          ReasonCode.CERTIFICATE_UNKNOWN,
          "serial number must name a certificate this CA issued; "
              + serial.toString(16)
              + " is unknown");
    }
    return found.get(0);
  }

  private static RevocationStatus statusOf(IssuedCertificate certificate) {
    return new RevocationStatus(
        certificate.getIssuer(),
        new BigInteger(certificate.getSerialNumber(), 16),
        ejbcaName(certificate.getRevocationReason()),
        certificate.getRevokedAt());
  }

  /** The EJBCA spelling of a stored RFC 5280 reason name, or null while not revoked. */
  private static String ejbcaName(String rfcName) {
    if (rfcName == null) {
      return null;
    }
    RevocationReason reason = RevocationReason.named(rfcName).orElseThrow();
    return REASONS.entrySet().stream()
        .filter(e -> e.getValue() == reason)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(reason.name());
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("certificate does not encode", e);
    }
  }
}
