package dev.attestca.ca.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One entry of the append-only audit trail: an enrollment decision (issued or refused) or an admin
 * change (who, what, before and after as JSON).
 *
 * <p>Entries form a hash chain: {@code seq} numbers them 1, 2, 3... in append order and {@code
 * recordHash} is SHA-256 over {@code previousHash} and the entry's canonical content (see {@code
 * dev.attestca.ca.audit.AuditChain}). Entries written before the chain existed have neither.
 * Nothing in the application updates or deletes an entry.
 */
@Entity
@Table(
    name = "audit_record",
    uniqueConstraints = @UniqueConstraint(name = "uk_audit_record_seq", columnNames = "seq"),
    indexes = {
      @Index(name = "ix_audit_record_recorded_at", columnList = "recordedAt"),
      @Index(name = "ix_audit_record_profile", columnList = "profileName"),
      @Index(name = "ix_audit_record_attestation", columnList = "attestationSignerSha256")
    })
public class AuditRecord {

  /** What the gate decided, or {@link #APPLIED} for an admin change. */
  public enum Verdict {
    ISSUED,
    REJECTED,
    APPLIED
  }

  /** The two kinds of entry. */
  public enum Kind {
    ENROLLMENT,
    ADMIN
  }

  static final int DETAIL_LENGTH = 2000;
  static final int JSON_LENGTH = 100000;

  @Id @GeneratedValue private Long id;

  private Long seq;

  @Column(length = 16)
  private String kind;

  @Column(nullable = false, length = 36)
  private String requestId;

  @Column(nullable = false)
  private Instant recordedAt;

  @Column(length = 256)
  private String caller;

  @Column(length = 64)
  private String profileName;

  @Column(length = 64)
  private String attestationFormat;

  @Column(length = 64)
  private String attestationSignerSha256;

  @Column(nullable = false, length = 16)
  private String verdict;

  @Column(length = 64)
  private String reasonCode;

  @Column(length = DETAIL_LENGTH)
  private String detail;

  @Column(length = 64)
  private String issuedSerial;

  /** For admin changes: what was done, for example {@code profile.update}. */
  @Column(length = 64)
  private String action;

  /** For admin changes: what it was done to (a profile name, a fingerprint, a serial). */
  @Column(length = 256)
  private String target;

  @Column(length = JSON_LENGTH)
  private String beforeJson;

  @Column(length = JSON_LENGTH)
  private String afterJson;

  @Column(length = 64)
  private String previousHash;

  @Column(length = 64)
  private String recordHash;

  protected AuditRecord() {}

  /** An enrollment decision. */
  public static AuditRecord enrollment(
      String requestId,
      Instant recordedAt,
      String caller,
      String profileName,
      String attestationFormat,
      String attestationSignerSha256,
      Verdict verdict,
      String reasonCode,
      String detail,
      String issuedSerial) {
    AuditRecord r = new AuditRecord(Kind.ENROLLMENT, requestId, recordedAt, caller, verdict);
    r.profileName = clip(profileName, 64);
    r.attestationFormat = attestationFormat;
    r.attestationSignerSha256 = attestationSignerSha256;
    r.reasonCode = reasonCode;
    r.detail = clip(detail, DETAIL_LENGTH);
    r.issuedSerial = issuedSerial;
    return r;
  }

  /**
   * An admin change; {@code beforeJson} is null for a creation, {@code afterJson} for a removal.
   */
  public static AuditRecord adminChange(
      String requestId,
      Instant recordedAt,
      String caller,
      String action,
      String target,
      String profileName,
      String beforeJson,
      String afterJson) {
    AuditRecord r = new AuditRecord(Kind.ADMIN, requestId, recordedAt, caller, Verdict.APPLIED);
    r.action = action;
    r.target = clip(target, 256);
    r.profileName = profileName;
    r.beforeJson = clip(beforeJson, JSON_LENGTH);
    r.afterJson = clip(afterJson, JSON_LENGTH);
    return r;
  }

  private AuditRecord(
      Kind kind, String requestId, Instant recordedAt, String caller, Verdict verdict) {
    this.kind = kind.name();
    this.requestId = requestId;
    // The database keeps microseconds; the hash must cover exactly what is stored.
    this.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    this.caller = clip(caller, 256);
    this.verdict = verdict.name();
  }

  private static String clip(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  /** Places the entry in the chain; called once, by the audit log, under the chain lock. */
  public void chain(long seq, String previousHash, String recordHash) {
    this.seq = seq;
    this.previousHash = previousHash;
    this.recordHash = recordHash;
  }

  public Long getId() {
    return id;
  }

  public Long getSeq() {
    return seq;
  }

  public String getKind() {
    return kind;
  }

  public String getRequestId() {
    return requestId;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getCaller() {
    return caller;
  }

  public String getProfileName() {
    return profileName;
  }

  public String getAttestationFormat() {
    return attestationFormat;
  }

  public String getAttestationSignerSha256() {
    return attestationSignerSha256;
  }

  public String getVerdict() {
    return verdict;
  }

  public String getReasonCode() {
    return reasonCode;
  }

  public String getDetail() {
    return detail;
  }

  public String getIssuedSerial() {
    return issuedSerial;
  }

  public String getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public String getBeforeJson() {
    return beforeJson;
  }

  public String getAfterJson() {
    return afterJson;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public String getRecordHash() {
    return recordHash;
  }
}
