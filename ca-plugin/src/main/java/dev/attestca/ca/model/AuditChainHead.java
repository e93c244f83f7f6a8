package dev.attestca.ca.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that holds the end of the audit hash chain. Appending locks it (SELECT ... FOR
 * UPDATE) for the rest of the transaction, so appends on every node form one linear chain.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

  /** The primary key of the only row. */
  public static final long ID = 1;

  /** The hash the first entry chains to. */
  public static final String GENESIS = "0".repeat(64);

  @Id private Long id;

  @Column(nullable = false)
  private long lastSeq;

  @Column(nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHead() {}

  /** The head of an empty chain. */
  public static AuditChainHead empty() {
    AuditChainHead head = new AuditChainHead();
    head.id = ID;
    head.lastSeq = 0;
    head.lastHash = GENESIS;
    return head;
  }

  public long getLastSeq() {
    return lastSeq;
  }

  public String getLastHash() {
    return lastHash;
  }

  public void advance(long seq, String hash) {
    this.lastSeq = seq;
    this.lastHash = hash;
  }
}
