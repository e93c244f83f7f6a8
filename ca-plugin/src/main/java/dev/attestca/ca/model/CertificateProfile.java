package dev.attestca.ca.model;

import dev.attestca.verifier.AttackPotential;
import dev.attestca.verifier.VerificationPolicy;
import dev.attestca.verifier.VerificationPolicy.RevocationMode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A certificate profile: what an enrollment against it must prove and what the issued certificate
 * looks like. Profiles are read from the database for every request, so a change committed on one
 * node applies to the next request on every node. The admin API validates every change before it is
 * stored; the setters do not.
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

  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, length = 256)
  private List<String> acceptedFormats = List.of(VerificationPolicy.FORMAT_CMS);

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 32)
  private AttackPotential minimumKeyStorage = AttackPotential.HIGH;

  /** Null when the profile sets no minimum. */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 32)
  private AttackPotential minimumUserAuthentication;

  @Column(nullable = false)
  private boolean requireNonce = true;

  @Column(nullable = false)
  private long nonceLifetimeSeconds = 300;

  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, length = 64)
  private List<String> allowedKeyAlgorithms = List.of("EC");

  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, length = 256)
  private List<String> allowedCurves =
      List.of(VerificationPolicy.CURVE_P256, VerificationPolicy.CURVE_P384);

  @Column(nullable = false)
  private int validityDays = 365;

  /** RFC 5280 keyUsage bit names, for example {@code digitalSignature}. */
  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, length = 512)
  private List<String> keyUsage = List.of("digitalSignature");

  /** Extended key usage names ({@code clientAuth}) or dotted OIDs. */
  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, length = 1024)
  private List<String> extendedKeyUsage = List.of("clientAuth");

  /** CSR subject attribute types copied into the certificate; other types are dropped. */
  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, length = 512)
  private List<String> subjectCopiedAttributes = List.of("CN", "O", "OU", "C", "SERIALNUMBER");

  /** CSR subject attribute types that make the request refused. */
  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, length = 512)
  private List<String> subjectRefusedAttributes = List.of();

  /** Whether a key proven to live in a secure element gets the ETSI QcStatement QcSSCD. */
  @Column(nullable = false)
  private boolean qcSscd;

  /** Whether callers without the enroller role (or without credentials) may enroll. */
  @Column(nullable = false)
  private boolean anonymousEnrollment;

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

  public long getVersion() {
    return version;
  }

  public boolean isRequireAttestation() {
    return requireAttestation;
  }

  public void setRequireAttestation(boolean requireAttestation) {
    this.requireAttestation = requireAttestation;
  }

  public List<String> getAcceptedFormats() {
    return acceptedFormats;
  }

  public void setAcceptedFormats(List<String> acceptedFormats) {
    this.acceptedFormats = List.copyOf(acceptedFormats);
  }

  public AttackPotential getMinimumKeyStorage() {
    return minimumKeyStorage;
  }

  public void setMinimumKeyStorage(AttackPotential minimumKeyStorage) {
    this.minimumKeyStorage = minimumKeyStorage;
  }

  public AttackPotential getMinimumUserAuthentication() {
    return minimumUserAuthentication;
  }

  public void setMinimumUserAuthentication(AttackPotential minimumUserAuthentication) {
    this.minimumUserAuthentication = minimumUserAuthentication;
  }

  public boolean isRequireNonce() {
    return requireNonce;
  }

  public void setRequireNonce(boolean requireNonce) {
    this.requireNonce = requireNonce;
  }

  public Duration getNonceLifetime() {
    return Duration.ofSeconds(nonceLifetimeSeconds);
  }

  public void setNonceLifetime(Duration lifetime) {
    this.nonceLifetimeSeconds = lifetime.toSeconds();
  }

  public List<String> getAllowedKeyAlgorithms() {
    return allowedKeyAlgorithms;
  }

  public void setAllowedKeyAlgorithms(List<String> allowedKeyAlgorithms) {
    this.allowedKeyAlgorithms = List.copyOf(allowedKeyAlgorithms);
  }

  public List<String> getAllowedCurves() {
    return allowedCurves;
  }

  public void setAllowedCurves(List<String> allowedCurves) {
    this.allowedCurves = List.copyOf(allowedCurves);
  }

  public int getValidityDays() {
    return validityDays;
  }

  public void setValidityDays(int validityDays) {
    this.validityDays = validityDays;
  }

  public List<String> getKeyUsage() {
    return keyUsage;
  }

  public void setKeyUsage(List<String> keyUsage) {
    this.keyUsage = List.copyOf(keyUsage);
  }

  public List<String> getExtendedKeyUsage() {
    return extendedKeyUsage;
  }

  public void setExtendedKeyUsage(List<String> extendedKeyUsage) {
    this.extendedKeyUsage = List.copyOf(extendedKeyUsage);
  }

  public List<String> getSubjectCopiedAttributes() {
    return subjectCopiedAttributes;
  }

  public void setSubjectCopiedAttributes(List<String> subjectCopiedAttributes) {
    this.subjectCopiedAttributes = List.copyOf(subjectCopiedAttributes);
  }

  public List<String> getSubjectRefusedAttributes() {
    return subjectRefusedAttributes;
  }

  public void setSubjectRefusedAttributes(List<String> subjectRefusedAttributes) {
    this.subjectRefusedAttributes = List.copyOf(subjectRefusedAttributes);
  }

  public boolean isQcSscd() {
    return qcSscd;
  }

  public void setQcSscd(boolean qcSscd) {
    this.qcSscd = qcSscd;
  }

  public boolean isAnonymousEnrollment() {
    return anonymousEnrollment;
  }

  public void setAnonymousEnrollment(boolean anonymousEnrollment) {
    this.anonymousEnrollment = anonymousEnrollment;
  }

  public RevocationMode getAttestationRevocation() {
    return attestationRevocation;
  }

  public void setAttestationRevocation(RevocationMode attestationRevocation) {
    this.attestationRevocation = attestationRevocation;
  }

  public Set<AttestationCa> getTrustedAttestationCas() {
    return trustedAttestationCas;
  }
}
