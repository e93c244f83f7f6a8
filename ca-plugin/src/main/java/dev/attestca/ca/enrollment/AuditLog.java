package dev.attestca.ca.enrollment;

import dev.attestca.ca.model.AuditRecord;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Appends enrollment decisions to the audit trail, in the caller's transaction. */
@Stateless
public class AuditLog {

  @PersistenceContext EntityManager em;

  public void append(AuditRecord record) {
    em.persist(record);
  }
}
