package dev.attestca.ca.audit;

import dev.attestca.ca.model.AuditChainHead;
import dev.attestca.ca.model.AuditRecord;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * Appends entries to the audit trail, in the caller's transaction, so an entry commits exactly when
 * the decision or change it records commits.
 *
 * <p>Appending locks the chain head row until the transaction ends: entries are numbered and
 * chained in one line however many requests and nodes append at once.
 */
@Stateless
public class AuditLog {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditJson json;

  public void append(AuditRecord record) {
    AuditChainHead head =
        em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException("audit chain head row is missing; the start-up creates it");
    }
    long seq = head.getLastSeq() + 1;
    String hash = AuditChain.hash(head.getLastHash(), seq, record);
    record.chain(seq, head.getLastHash(), hash);
    em.persist(record);
    head.advance(seq, hash);
  }

  /**
   * Records an admin change; {@code before} and {@code after} are stored as JSON (null for "did not
   * exist").
   */
  public void adminChange(
      String caller, String action, String target, String profile, Object before, Object after) {
    Jsonb jsonb = json.jsonb();
    append(
        AuditRecord.adminChange(
            UUID.randomUUID().toString(),
            clock.instant(),
            caller,
            action,
            target,
            profile,
            before == null ? null : jsonb.toJson(before),
            after == null ? null : jsonb.toJson(after)));
  }
}
