package dev.attestca.ca.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One enrollment decision, written for every request that reaches the gate, issued or not. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

  /** What the gate decided. */
  public enum Verdict {
    ISSUED,
    REJECTED
  }

  @Id @GeneratedValue private Long id;

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

  @Column(length = 2000)
  private String detail;

  @Column(length = 64)
  private String issuedSerial;

  protected AuditRecord() {}

  public AuditRecord(
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
    this.requestId = requestId;
    this.recordedAt = recordedAt;
    this.caller = caller;
    this.profileName = profileName;
    this.attestationFormat = attestationFormat;
    this.attestationSignerSha256 = attestationSignerSha256;
    this.verdict = verdict.name();
    this.reasonCode = reasonCode;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    this.issuedSerial = issuedSerial;
  }

  public String getRequestId() {
    return requestId;
  }

  public String getVerdict() {
    return verdict;
  }

  public String getReasonCode() {
    return reasonCode;
  }
}
