package dev.attestca.ca.revocation;

import dev.attestca.ca.issuance.CertificateAuthority;
import dev.attestca.ca.issuance.CertificateAuthority.RevokedEntry;
import dev.attestca.ca.model.CaCrl;
import dev.attestca.ca.model.IssuedCertificate;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * The CA's CRL. It is signed again when a revocation made it stale or half its validity has passed;
 * otherwise the stored one is served. Signing locks the CRL row, so CRL numbers only grow.
 */
@Stateless
public class CrlService {

  /** How long a CRL is valid (its nextUpdate after thisUpdate). */
  public static final Duration VALIDITY = Duration.ofHours(24);

  private static final Logger LOG = Logger.getLogger(CrlService.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject CertificateAuthority ca;

  /** The current CRL, DER. */
  public byte[] currentDer() {
    Instant now = clock.instant();
    CaCrl row = em.find(CaCrl.class, CaCrl.ID);
    if (row != null && current(row, now)) {
      return Base64.getDecoder().decode(row.getCrlBase64());
    }
    row = em.find(CaCrl.class, CaCrl.ID, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      throw new IllegalStateException("CRL row is missing; the start-up creates it");
    }
    if (!current(row, now)) {
      sign(row, now);
    }
    return Base64.getDecoder().decode(row.getCrlBase64());
  }

  /** Makes the next request sign a new CRL; called in the revoking transaction. */
  public void markStale() {
    em.createQuery("update CaCrl c set c.stale = true where c.id = :id")
        .setParameter("id", CaCrl.ID)
        .executeUpdate();
  }

  private static boolean current(CaCrl row, Instant now) {
    return !row.isStale()
        && row.getCrlBase64() != null
        && now.isBefore(row.getThisUpdate().plus(VALIDITY.dividedBy(2)));
  }

  private void sign(CaCrl row, Instant now) {
    List<RevokedEntry> entries =
        em.createQuery(
                "select c from IssuedCertificate c where c.revokedAt is not null"
                    + " and c.notAfter > :now order by c.id",
                IssuedCertificate.class)
            .setParameter("now", now)
            .getResultStream()
            .map(CrlService::entry)
            .toList();
    long number = row.getCrlNumber() + 1;
    X509CRL crl = ca.signCrl(number, now, now.plus(VALIDITY), entries);
    try {
      row.replace(
          number, now, now.plus(VALIDITY), Base64.getEncoder().encodeToString(crl.getEncoded()));
    } catch (CRLException e) {
      throw new IllegalStateException("signed CRL does not encode", e);
    }
    LOG.info(() -> "signed CRL number " + number + " with " + entries.size() + " entries");
  }

  private static RevokedEntry entry(IssuedCertificate c) {
    int code =
        RevocationReason.named(c.getRevocationReason())
            .map(RevocationReason::code)
            .orElse(RevocationReason.UNSPECIFIED.code());
    return new RevokedEntry(new BigInteger(c.getSerialNumber(), 16), c.getRevokedAt(), code);
  }
}
