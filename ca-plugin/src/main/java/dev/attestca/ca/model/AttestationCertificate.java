package dev.attestca.ca.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * An attestation certificate (the certificate of an applet build's attestation key) that signed the
 * attestation of at least one accepted request, with how often and how recently it was used, and
 * whether an operator still trusts it.
 *
 * <p>{@code lastSeen} and {@code issuedCount} change only through one conditional UPDATE that also
 * requires the status to be {@link Status#TRUSTED}, so an issuance and a distrust of the same
 * certificate are ordered by the database's row lock.
 */
@Entity
@Table(
    name = "attestation_certificate",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uk_attestation_certificate_sha256",
            columnNames = "sha256Fingerprint"))
public class AttestationCertificate {

  /** Whether requests attested by the certificate are still accepted. */
  public enum Status {
    TRUSTED,
    DISTRUSTED
  }

  @Id @GeneratedValue private Long id;

  /** Lower-case hex SHA-256 of the certificate's DER encoding. */
  @Column(nullable = false, length = 64)
  private String sha256Fingerprint;

  @Column(nullable = false, length = 1024)
  private String subject;

  @Column(nullable = false, length = 1024)
  private String issuer;

  /** The certificate, base64 DER. */
  @Column(nullable = false, length = 20000)
  private String certificateBase64;

  @Column(length = 64)
  private String attestationFormat;

  @Column(length = 128)
  private String appletBuild;

  @Column(length = 64)
  private String appletVersion;

  @Column(nullable = false)
  private Instant firstSeen;

  @Column(nullable = false)
  private Instant lastSeen;

  @Column(nullable = false)
  private long issuedCount;

  @Column(nullable = false, length = 16)
  private String status = Status.TRUSTED.name();

  private Instant statusChangedAt;

  @Column(length = 256)
  private String statusChangedBy;

  @Column(length = 1000)
  private String statusReason;

  protected AttestationCertificate() {}

  public AttestationCertificate(
      String sha256Fingerprint,
      String subject,
      String issuer,
      String certificateBase64,
      String attestationFormat,
      String appletBuild,
      String appletVersion,
      Instant firstSeen) {
    this.sha256Fingerprint = sha256Fingerprint;
    this.subject = subject;
    this.issuer = issuer;
    this.certificateBase64 = certificateBase64;
    this.attestationFormat = attestationFormat;
    this.appletBuild = appletBuild;
    this.appletVersion = appletVersion;
    this.firstSeen = firstSeen;
    this.lastSeen = firstSeen;
  }

  public String getSha256Fingerprint() {
    return sha256Fingerprint;
  }

  public String getSubject() {
    return subject;
  }

  public String getIssuer() {
    return issuer;
  }

  public String getCertificateBase64() {
    return certificateBase64;
  }

  public String getAttestationFormat() {
    return attestationFormat;
  }

  public String getAppletBuild() {
    return appletBuild;
  }

  public String getAppletVersion() {
    return appletVersion;
  }

  public Instant getFirstSeen() {
    return firstSeen;
  }

  public Instant getLastSeen() {
    return lastSeen;
  }

  public long getIssuedCount() {
    return issuedCount;
  }

  public Status getStatus() {
    return Status.valueOf(status);
  }

  public Instant getStatusChangedAt() {
    return statusChangedAt;
  }

  public String getStatusChangedBy() {
    return statusChangedBy;
  }

  public String getStatusReason() {
    return statusReason;
  }

  /** Distrusts the certificate; the caller holds the row lock. */
  public void distrust(Instant at, String by, String reason) {
    this.status = Status.DISTRUSTED.name();
    this.statusChangedAt = at;
    this.statusChangedBy = by;
    this.statusReason =
        reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
  }
}
