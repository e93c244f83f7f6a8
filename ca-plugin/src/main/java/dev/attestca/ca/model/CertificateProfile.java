package dev.attestca.ca.model;

import dev.attestca.verifier.VerificationPolicy.RevocationMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A certificate profile: what an enrollment against it must prove and what the issued certificate
 * looks like. Profiles are looked up by name for every request, so a change applies to the next
 * request.
 */
@Entity
@Table(name = "certificate_profile")
@NamedQuery(
    name = CertificateProfile.BY_NAME,
    query = "select p from CertificateProfile p where p.name = :name")
public class CertificateProfile {

  public static final String BY_NAME = "CertificateProfile.byName";

  @Id @GeneratedValue private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(nullable = false)
  private boolean requireAttestation;

  @Column(nullable = false)
  private long nonceLifetimeSeconds = 300;

  @Column(nullable = false)
  private int validityDays = 365;

  /**
   * How attestation certificate paths are checked for revocation; fail closed by default. Stored as
   * plain text on every database (not H2's native enum type), as the migrations define it.
   */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 32)
  private RevocationMode attestationRevocation = RevocationMode.REQUIRE_CRL;

  @ManyToMany(fetch = FetchType.EAGER)
  @JoinTable(name = "profile_attestation_ca")
  private Set<AttestationCa> trustedAttestationCas = new LinkedHashSet<>();

  protected CertificateProfile() {}

  public CertificateProfile(String name, boolean requireAttestation) {
    this.name = name;
    this.requireAttestation = requireAttestation;
  }

  public String getName() {
    return name;
  }

  public boolean isRequireAttestation() {
    return requireAttestation;
  }

  public void setRequireAttestation(boolean requireAttestation) {
    this.requireAttestation = requireAttestation;
  }

  /** Sets how long a nonce handed out for this profile can be used. */
  public void setNonceLifetime(Duration lifetime) {
    this.nonceLifetimeSeconds = lifetime.toSeconds();
  }

  /** Sets how many days certificates issued under this profile are valid. */
  public void setValidityDays(int validityDays) {
    this.validityDays = validityDays;
  }

  /** Sets how attestation certificate paths are checked for revocation. */
  public void setAttestationRevocation(RevocationMode attestationRevocation) {
    this.attestationRevocation = attestationRevocation;
  }

  public Duration getNonceLifetime() {
    return Duration.ofSeconds(nonceLifetimeSeconds);
  }

  public int getValidityDays() {
    return validityDays;
  }

  public RevocationMode getAttestationRevocation() {
    return attestationRevocation;
  }

  public Set<AttestationCa> getTrustedAttestationCas() {
    return trustedAttestationCas;
  }
}
