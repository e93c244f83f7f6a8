package dev.attestca.ca.audit;

import dev.attestca.ca.model.AuditChainHead;
import dev.attestca.ca.model.AuditRecord;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit trail: queries for auditors, and the walk that checks the hash chain. */
@Stateless
public class AuditTrail {

  /** The most entries one query returns. */
  public static final int MAX_RESULTS = 1000;

  private static final int BATCH = 500;

  @PersistenceContext EntityManager em;

  /** What an auditor filters by; every member may be null (no filter). */
  public record Filter(
      Instant from,
      Instant to,
      String profile,
      String verdict,
      String attestationCertificateSha256,
      String kind,
      Long afterSeq,
      int limit) {}

  /**
   * The result of walking the chain.
   *
   * @param intact every chained entry verifies and the head names the last one
   * @param entriesChecked chained entries walked
   * @param entriesBeforeChain entries written before the hash chain existed (not covered)
   * @param firstBrokenSeq the sequence number of the first entry that does not verify, or null
   * @param firstBrokenId that entry's database id, or null
   * @param problem what is wrong with it, or null
   */
  public record ChainVerification(
      boolean intact,
      long entriesChecked,
      long entriesBeforeChain,
      Long firstBrokenSeq,
      Long firstBrokenId,
      String problem) {}

  public List<AuditRecord> query(Filter filter) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder jpql = new StringBuilder("select r from AuditRecord r where r.seq is not null");
    condition(jpql, parameters, "r.recordedAt >= :from", "from", filter.from());
    condition(jpql, parameters, "r.recordedAt < :to", "to", filter.to());
    condition(jpql, parameters, "r.profileName = :profile", "profile", filter.profile());
    condition(jpql, parameters, "r.verdict = :verdict", "verdict", filter.verdict());
    condition(
        jpql,
        parameters,
        "r.attestationSignerSha256 = :signer",
        "signer",
        filter.attestationCertificateSha256());
    condition(jpql, parameters, "r.kind = :kind", "kind", filter.kind());
    condition(jpql, parameters, "r.seq > :afterSeq", "afterSeq", filter.afterSeq());
    TypedQuery<AuditRecord> query =
        em.createQuery(jpql.append(" order by r.seq").toString(), AuditRecord.class);
    parameters.forEach(query::setParameter);
    return query.setMaxResults(Math.min(filter.limit(), MAX_RESULTS)).getResultList();
  }

  private static void condition(
      StringBuilder jpql,
      Map<String, Object> parameters,
      String clause,
      String name,
      Object value) {
    if (value != null) {
      jpql.append(" and ").append(clause);
      parameters.put(name, value);
    }
  }

  /** Walks the chain from the first entry and stops at the first one that does not verify. */
  public ChainVerification verify() {
    long legacy =
        em.createQuery("select count(r) from AuditRecord r where r.seq is null", Long.class)
            .getSingleResult();
    String expectedPrevious = AuditChainHead.GENESIS;
    long expectedSeq = 1;
    long checked = 0;
    while (true) {
      List<AuditRecord> batch =
          em.createQuery(
                  "select r from AuditRecord r where r.seq >= :seq order by r.seq",
                  AuditRecord.class)
              .setParameter("seq", expectedSeq)
              .setMaxResults(BATCH)
              .getResultList();
      for (AuditRecord r : batch) {
        String problem = check(r, expectedSeq, expectedPrevious);
        if (problem != null) {
          return new ChainVerification(false, checked, legacy, r.getSeq(), r.getId(), problem);
        }
        expectedPrevious = r.getRecordHash();
        expectedSeq++;
        checked++;
      }
      em.clear();
      if (batch.size() < BATCH) {
        break;
      }
    }
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
    if (head != null
        && (head.getLastSeq() != checked || !head.getLastHash().equals(expectedPrevious))) {
      return new ChainVerification(
          false,
          checked,
          legacy,
          head.getLastSeq(),
          null,
          "chain head names entry "
              + head.getLastSeq()
              + " with hash "
              + head.getLastHash()
              + ", but the chain ends at entry "
              + checked
              + ": entries at the end were removed or altered");
    }
    return new ChainVerification(true, checked, legacy, null, null, null);
  }

  private static String check(AuditRecord r, long expectedSeq, String expectedPrevious) {
    if (r.getSeq() != expectedSeq) {
      return "entry "
          + expectedSeq
          + " is missing: the next entry is number "
          + r.getSeq()
          + " (id "
          + r.getId()
          + ")";
    }
    if (!expectedPrevious.equals(r.getPreviousHash())) {
      return "previous_hash must be the hash of entry "
          + (expectedSeq - 1)
          + " ("
          + expectedPrevious
          + "); it is "
          + r.getPreviousHash();
    }
    String recomputed = AuditChain.hash(r.getPreviousHash(), r.getSeq(), r);
    if (!recomputed.equals(r.getRecordHash())) {
      return "record_hash must be the hash of the entry's content ("
          + recomputed
          + "); it is "
          + r.getRecordHash()
          + ": the entry was altered after it was written";
    }
    return null;
  }
}
