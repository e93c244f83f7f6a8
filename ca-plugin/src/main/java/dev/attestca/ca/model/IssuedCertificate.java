package dev.attestca.ca.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** A certificate this CA issued, with what it was issued on the strength of. */
@Entity
@Table(
    name = "issued_certificate",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uk_issued_certificate_issuer_serial",
            columnNames = {"issuer", "serialNumber"}),
    indexes = {
      @Index(name = "ix_issued_certificate_spki", columnList = "spkiSha256"),
      @Index(name = "ix_issued_certificate_attestation", columnList = "attestationSignerSha256")
    })
public class IssuedCertificate {

  @Id @GeneratedValue private Long id;

  /** Lower-case hex, without leading zero octets. */
  @Column(nullable = false, length = 64)
  private String serialNumber;

  @Column(nullable = false, length = 1024)
  private String issuer;

  @Column(nullable = false, length = 1024)
  private String subject;

  @Column(nullable = false, length = 64)
  private String profileName;

  /** Lower-case hex SHA-256 of the certified SubjectPublicKeyInfo. */
  @Column(nullable = false, length = 64)
  private String spkiSha256;

  /** Lower-case hex SHA-256 of the attestation signer certificate, when attested. */
  @Column(length = 64)
  private String attestationSignerSha256;

  @Column(nullable = false, length = 36)
  private String requestId;

  @Column(nullable = false)
  private Instant notBefore;

  @Column(nullable = false)
  private Instant notAfter;

  @Column(nullable = false, length = 16384)
  private byte[] certificateDer;

  /** When the certificate was revoked; null while it is not. */
  private Instant revokedAt;

  /** The RFC 5280 CRLReason name, for example {@code keyCompromise}; null while not revoked. */
  @Column(length = 32)
  private String revocationReason;

  @Column(length = 256)
  private String revokedBy;

  protected IssuedCertificate() {}

  public IssuedCertificate(
      String serialNumber,
      String issuer,
      String subject,
      String profileName,
      String spkiSha256,
      String attestationSignerSha256,
      String requestId,
      Instant notBefore,
      Instant notAfter,
      byte[] certificateDer) {
    this.serialNumber = serialNumber;
    this.issuer = issuer;
    this.subject = subject;
    this.profileName = profileName;
    this.spkiSha256 = spkiSha256;
    this.attestationSignerSha256 = attestationSignerSha256;
    this.requestId = requestId;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.certificateDer = certificateDer.clone();
  }

  public String getSerialNumber() {
    return serialNumber;
  }

  public String getIssuer() {
    return issuer;
  }

  public String getSubject() {
    return subject;
  }

  public String getProfileName() {
    return profileName;
  }

  public String getSpkiSha256() {
    return spkiSha256;
  }

  public String getAttestationSignerSha256() {
    return attestationSignerSha256;
  }

  public Instant getNotBefore() {
    return notBefore;
  }

  public Instant getNotAfter() {
    return notAfter;
  }

  public byte[] getCertificateDer() {
    return certificateDer.clone();
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public String getRevocationReason() {
    return revocationReason;
  }

  public String getRevokedBy() {
    return revokedBy;
  }

  /** Marks the certificate revoked; the caller has locked the row and checked it is not. */
  public void revoke(Instant at, String reason, String by) {
    this.revokedAt = at;
    this.revocationReason = reason;
    this.revokedBy = by;
  }
}
