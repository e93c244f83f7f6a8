package dev.attestca.ca.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** An Attestation CA certificate that profiles may trust as the anchor of attestation chains. */
@Entity
@Table(name = "attestation_ca")
public class AttestationCa {

  @Id @GeneratedValue private Long id;

  /** Lower-case hex SHA-256 of the certificate's DER encoding. */
  @Column(nullable = false, unique = true, length = 64)
  private String sha256Fingerprint;

  @Column(nullable = false, length = 1024)
  private String subject;

  @Column(nullable = false, length = 16384)
  private byte[] certificateDer;

  @Column(nullable = false)
  private Instant addedAt;

  /** The CA's current CRL, DER, or null when none was given. */
  @Column(length = 1048576)
  private byte[] crlDer;

  protected AttestationCa() {}

  public AttestationCa(X509Certificate certificate, String sha256Fingerprint, Instant addedAt)
      throws CertificateException {
    this.certificateDer = certificate.getEncoded();
    this.subject = certificate.getSubjectX500Principal().getName();
    this.sha256Fingerprint = sha256Fingerprint;
    this.addedAt = addedAt;
  }

  public String getSha256Fingerprint() {
    return sha256Fingerprint;
  }

  public String getSubject() {
    return subject;
  }

  public Instant getAddedAt() {
    return addedAt;
  }

  /** Replaces the CA's CRL. */
  public void setCrl(X509CRL crl) throws CRLException {
    this.crlDer = crl.getEncoded();
  }

  /** The CA's current CRL, if one was given. */
  public Optional<X509CRL> crl() {
    if (crlDer == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          (X509CRL)
              CertificateFactory.getInstance("X.509")
                  .generateCRL(new ByteArrayInputStream(crlDer)));
    } catch (CertificateException | CRLException e) {
      throw new IllegalStateException(
          "stored CRL of Attestation CA " + sha256Fingerprint + " no longer decodes", e);
    }
  }

  /** Decodes the stored certificate with the JDK's X.509 factory. */
  public X509Certificate certificate() {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(certificateDer));
    } catch (CertificateException e) {
      throw new IllegalStateException(
          "stored Attestation CA certificate " + sha256Fingerprint + " no longer decodes", e);
    }
  }
}
