package dev.attestca.ca.trust;

import dev.attestca.ca.model.AttestationCertificate;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.logging.Logger;

/**
 * Inserts the first row for an attestation certificate in a transaction of its own. When another
 * request inserted the same certificate first, the unique constraint on the fingerprint refuses
 * this insert, which only rolls back this small transaction.
 */
@Stateless
public class AttestationCertificateInserter {

  private static final Logger LOG =
      Logger.getLogger(AttestationCertificateInserter.class.getName());

  @PersistenceContext EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void insertIfAbsent(AttestationCertificate certificate) {
    try {
      em.persist(certificate);
      em.flush();
    } catch (PersistenceException e) {
      LOG.fine(
          () ->
              "attestation certificate "
                  + certificate.getSha256Fingerprint()
                  + " was registered by a concurrent request");
    }
  }
}
