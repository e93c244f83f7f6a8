package dev.attestca.ca.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A nonce the CA handed out for one enrollment against one profile. It is single use: the gate
 * marks it used with one conditional update, so two requests racing with the same nonce cannot both
 * succeed.
 */
@Entity
@Table(name = "enrollment_nonce")
public class EnrollmentNonce {

  /** The nonce bytes, base64url without padding. */
  @Id
  @Column(name = "nonce_value", length = 128)
  private String value;

  @Column(nullable = false, length = 64)
  private String profileName;

  @Column(nullable = false)
  private Instant issuedAt;

  @Column(nullable = false)
  private Instant expiresAt;

  private Instant usedAt;

  protected EnrollmentNonce() {}

  public EnrollmentNonce(String value, String profileName, Instant issuedAt, Instant expiresAt) {
    this.value = value;
    this.profileName = profileName;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public String getValue() {
    return value;
  }

  public String getProfileName() {
    return profileName;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
