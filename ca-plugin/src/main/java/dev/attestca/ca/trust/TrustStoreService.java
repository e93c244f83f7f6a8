package dev.attestca.ca.trust;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.audit.AuditLog;
import dev.attestca.ca.issuance.Fingerprints;
import dev.attestca.ca.model.AttestationCa;
import dev.attestca.verifier.ReasonCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The trust store of Attestation CA certificates and their CRLs. Which profile trusts which CA is
 * part of the profile; this service keeps the certificates themselves.
 */
@Stateless
public class TrustStoreService {

  private static final Logger LOG = Logger.getLogger(TrustStoreService.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;

  public List<AttestationCaView> list() {
    return em.createQuery("select a from AttestationCa a order by a.addedAt", AttestationCa.class)
        .getResultStream()
        .map(this::view)
        .toList();
  }

  public AttestationCaView get(String sha256) {
    return view(require(sha256));
  }

  /**
   * Adds an Attestation CA certificate, with its CRL when given. The unique fingerprint column, not
   * a look-up, refuses a certificate that is there already.
   */
  public AttestationCaView add(byte[] certificateData, byte[] crlData, String caller) {
    X509Certificate certificate = parseCaCertificate(certificateData);
    AttestationCa ca = newAnchor(certificate);
    if (crlData != null) {
      setCrl(
          ca, verifiedCrl(crlData, certificate, "crl must be a CRL signed by the Attestation CA"));
    }
    try {
      em.persist(ca);
      em.flush();
    } catch (PersistenceException e) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_EXISTS,
          "certificate must not be in the trust store already; "
              + ca.getSha256Fingerprint()
              + " is");
    }
    AttestationCaView after = view(ca);
    audit.adminChange(caller, "attestation-ca.add", ca.getSha256Fingerprint(), null, null, after);
    return after;
  }

  /** Replaces the CRL of a trusted Attestation CA. */
  public AttestationCaView replaceCrl(String sha256, byte[] crlData, String caller) {
    AttestationCa ca = require(sha256);
    AttestationCaView before = view(ca);
    setCrl(ca, verifiedCrl(crlData, ca.certificate(), "crl must be a CRL signed by " + sha256));
    AttestationCaView after = view(ca);
    audit.adminChange(caller, "attestation-ca.crl", sha256, null, before, after);
    return after;
  }

  /** Removes an Attestation CA that no profile trusts any more. */
  public void remove(String sha256, String caller) {
    AttestationCa ca = require(sha256);
    AttestationCaView before = view(ca);
    if (!before.trustedByProfiles().isEmpty()) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_IN_USE,
          "Attestation CA "
              + sha256
              + " must not be trusted by any profile to be removed; profiles "
              + before.trustedByProfiles()
              + " trust it");
    }
    em.remove(ca);
    audit.adminChange(caller, "attestation-ca.remove", sha256, null, before, null);
  }

  /**
   * Imports the directory named by {@value TrustStoreFiles#DIRECTORY_PROPERTY}: adds certificates
   * the store does not hold, and gives each stored CA a CRL from the directory that it signed and
   * that is newer than the one it has.
   */
  public List<AttestationCaView> importConfigured(String caller) {
    Path directory = TrustStoreFiles.configuredDirectory();
    if (directory == null) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_INVALID,
          "system property "
              + TrustStoreFiles.DIRECTORY_PROPERTY
              + " must name the directory to import; it is not set");
    }
    TrustStoreFiles.Contents contents;
    try {
      contents = TrustStoreFiles.read(directory);
    } catch (IOException | GeneralSecurityException e) {
      LOG.warning("cannot import " + directory + ": " + e);
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_INVALID,
          "the files in "
              + TrustStoreFiles.DIRECTORY_PROPERTY
              + " must be PEM certificates"
              + " and CRLs; they do not parse (the server log has the details)");
    }
    List<AttestationCaView> changed = new ArrayList<>();
    for (X509Certificate certificate : contents.certificates()) {
      String sha256 = Fingerprints.sha256(certificate);
      AttestationCa ca = find(sha256);
      boolean added = ca == null;
      if (added) {
        if (!Pkix.isCa(certificate)) {
          LOG.warning("not importing " + sha256 + ": not a CA certificate with keyCertSign");
          continue;
        }
        ca = newAnchor(certificate);
        em.persist(ca);
      }
      AttestationCaView before = added ? null : view(ca);
      for (X509CRL crl : contents.crls()) {
        if (Pkix.issuedBy(crl, certificate) && newer(crl, ca)) {
          setCrl(ca, crl);
        }
      }
      AttestationCaView after = view(ca);
      if (!after.equals(before)) {
        changed.add(after);
        audit.adminChange(caller, "attestation-ca.import", sha256, null, before, after);
      }
    }
    return changed;
  }

  /** Creates the trust anchor entity (used by the start-up too). */
  public AttestationCa newAnchor(X509Certificate certificate) {
    try {
      return new AttestationCa(certificate, Fingerprints.sha256(certificate), clock.instant());
    } catch (CertificateException e) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_INVALID, "certificate must encode; it does not");
    }
  }

  private static boolean newer(X509CRL crl, AttestationCa ca) {
    return ca.crl().map(old -> crl.getThisUpdate().after(old.getThisUpdate())).orElse(true);
  }

  private static void setCrl(AttestationCa ca, X509CRL crl) {
    try {
      ca.setCrl(crl);
    } catch (CRLException e) {
      throw new OperatorRefusal(ReasonCode.ATTESTATION_CA_INVALID, "crl must encode; it does not");
    }
  }

  private static X509Certificate parseCaCertificate(byte[] data) {
    List<X509Certificate> certificates;
    try {
      certificates = data == null ? List.of() : Pkix.certificates(data);
    } catch (CertificateException e) {
      certificates = List.of();
    }
    if (certificates.size() != 1) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_INVALID,
          "certificate must hold exactly one X.509 certificate, PEM or base64 DER; it holds "
              + certificates.size());
    }
    X509Certificate certificate = certificates.get(0);
    if (!Pkix.isCa(certificate)) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_INVALID,
          "certificate must be a CA certificate (basicConstraints cA, keyUsage keyCertSign); "
              + certificate.getSubjectX500Principal().getName()
              + " is not");
    }
    return certificate;
  }

  private static X509CRL verifiedCrl(byte[] data, X509Certificate ca, String rule) {
    List<X509CRL> crls;
    try {
      crls = data == null ? List.of() : Pkix.crls(data);
    } catch (CertificateException | CRLException e) {
      crls = List.of();
    }
    if (crls.size() != 1 || !Pkix.issuedBy(crls.get(0), ca)) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_INVALID,
          rule
              + " ("
              + ca.getSubjectX500Principal().getName()
              + "); got "
              + (crls.size() == 1
                  ? "one issued by " + crls.get(0).getIssuerX500Principal()
                  : crls.size() + " CRLs"));
    }
    return crls.get(0);
  }

  private AttestationCa require(String sha256) {
    AttestationCa ca = find(sha256);
    if (ca == null) {
      throw new OperatorRefusal(
          ReasonCode.ATTESTATION_CA_UNKNOWN,
          "sha256 must name an Attestation CA of the trust store; " + sha256 + " is unknown");
    }
    return ca;
  }

  /** The Attestation CA with the fingerprint, or null. */
  public AttestationCa find(String sha256) {
    return em.createQuery(
            "select a from AttestationCa a where a.sha256Fingerprint = :sha256",
            AttestationCa.class)
        .setParameter("sha256", sha256 == null ? "" : sha256.toLowerCase())
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private AttestationCaView view(AttestationCa ca) {
    List<String> profiles =
        em.createQuery(
                "select p.name from CertificateProfile p join p.trustedAttestationCas a"
                    + " where a = :ca order by p.name",
                String.class)
            .setParameter("ca", ca)
            .getResultList();
    return AttestationCaView.of(ca, profiles);
  }
}
