package dev.attestca.ca.config;

import dev.attestca.ca.issuance.Fingerprints;
import dev.attestca.ca.model.AttestationCa;
import dev.attestca.ca.model.CertificateProfile;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Fills an empty database with the initial trust store and profiles.
 *
 * <p>The Attestation CA certificates come from the PEM files in the directory named by the system
 * property {@value #TRUST_ANCHORS_PROPERTY}. Without it, the DEVELOPMENT-ONLY demo Attestation CA
 * bundled with the application is trusted, and a warning says so at every start. The profiles come
 * from the JSON files in the directory named by {@value #PROFILES_PROPERTY} (see {@code
 * config/profiles/}); without it, two are created: {@value #ATTESTED_PROFILE}, which requires a key
 * attestation chaining to those CAs, and {@value #OPEN_PROFILE}, which issues on a valid CSR alone.
 * Profiles that require attestation trust every imported Attestation CA.
 */
@Singleton
@Startup
public class InitialConfiguration {

  public static final String TRUST_ANCHORS_PROPERTY = "attestca.trust-anchors.dir";
  public static final String PROFILES_PROPERTY = "attestca.profiles.dir";
  public static final String ATTESTED_PROFILE = "attested";
  public static final String OPEN_PROFILE = "open";
  static final String DEMO_ATTESTATION_CA = "/dev-defaults/demo-attestation-ca.pem";
  static final String DEMO_ATTESTATION_CA_CRL = "/dev-defaults/demo-attestation-ca.crl.pem";
  private static final Logger LOG = Logger.getLogger(InitialConfiguration.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @PostConstruct
  void start() {
    Long profiles =
        em.createQuery("select count(p) from CertificateProfile p", Long.class).getSingleResult();
    if (profiles > 0) {
      warnIfDemoTrusted();
      return;
    }
    List<AttestationCa> anchors = initialAnchors();
    for (AttestationCa anchor : anchors) {
      em.persist(anchor);
      LOG.info(
          "trusting Attestation CA "
              + anchor.getSubject()
              + " sha256="
              + anchor.getSha256Fingerprint()
              + (anchor.crl().isPresent() ? " with its CRL" : " (no CRL given)"));
    }
    for (CertificateProfile profile : initialProfiles()) {
      if (profile.isRequireAttestation()) {
        profile.getTrustedAttestationCas().addAll(anchors);
      }
      em.persist(profile);
      LOG.info(
          "created profile '"
              + profile.getName()
              + "' (attestation "
              + (profile.isRequireAttestation() ? "required" : "not required")
              + ")");
    }
    warnIfDemoTrusted();
  }

  /** The profiles in {@value #PROFILES_PROPERTY}, or else the two default ones. */
  private static List<CertificateProfile> initialProfiles() {
    String directory = System.getProperty(PROFILES_PROPERTY);
    if (directory == null || directory.isBlank()) {
      return List.of(
          new CertificateProfile(ATTESTED_PROFILE, true),
          new CertificateProfile(OPEN_PROFILE, false));
    }
    try {
      return ProfileFiles.read(Paths.get(directory));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the profiles in " + directory, e);
    }
  }

  /**
   * The configured Attestation CA certificates, each with its CRL when one was given: from {@value
   * #TRUST_ANCHORS_PROPERTY} ({@code *.pem} certificates, {@code *.crl} or {@code *.crl.pem} CRLs),
   * or else the bundled demo CA.
   */
  private List<AttestationCa> initialAnchors() {
    String directory = System.getProperty(TRUST_ANCHORS_PROPERTY);
    List<X509Certificate> certificates = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      if (directory == null || directory.isBlank()) {
        certificates.addAll(readCertificates(factory, resource(DEMO_ATTESTATION_CA)));
        crls.addAll(readCrls(factory, resource(DEMO_ATTESTATION_CA_CRL)));
      } else {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Paths.get(directory))) {
          for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".crl") || name.endsWith(".crl.pem")) {
              crls.addAll(readCrls(factory, Files.readAllBytes(file)));
            } else if (name.endsWith(".pem")) {
              certificates.addAll(readCertificates(factory, Files.readAllBytes(file)));
            }
          }
        }
        if (certificates.isEmpty()) {
          throw new IllegalStateException(
              TRUST_ANCHORS_PROPERTY + " names " + directory + ", which holds no certificate");
        }
      }
      List<AttestationCa> anchors = new ArrayList<>();
      for (X509Certificate certificate : certificates) {
        AttestationCa anchor =
            new AttestationCa(certificate, Fingerprints.sha256(certificate), clock.instant());
        for (X509CRL crl : crls) {
          if (issuedBy(crl, certificate)) {
            anchor.setCrl(crl);
          }
        }
        anchors.add(anchor);
      }
      return anchors;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the initial Attestation CA certificates", e);
    }
  }

  private static boolean issuedBy(X509CRL crl, X509Certificate ca) {
    if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      crl.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      LOG.warning(
          "ignoring a CRL named for " + ca.getSubjectX500Principal() + ": " + e.getMessage());
      return false;
    }
  }

  private byte[] resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing from the deployment");
      }
      return in.readAllBytes();
    }
  }

  private void warnIfDemoTrusted() {
    List<String> subjects =
        em.createQuery("select a.subject from AttestationCa a", String.class).getResultList();
    if (subjects.stream().anyMatch(s -> s.contains("DEVELOPMENT ONLY"))) {
      LOG.warning(
          "The DEVELOPMENT-ONLY demo Attestation CA is trusted. Anyone with the demo attestation"
              + " key from the source repository can obtain certificates. See the README on"
              + " replacing it with your Attestation CA certificates.");
    }
  }

  private static List<X509Certificate> readCertificates(CertificateFactory factory, byte[] data)
      throws CertificateException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (var certificate : factory.generateCertificates(new ByteArrayInputStream(data))) {
      certificates.add((X509Certificate) certificate);
    }
    return certificates;
  }

  private static List<X509CRL> readCrls(CertificateFactory factory, byte[] data)
      throws CRLException {
    List<X509CRL> crls = new ArrayList<>();
    for (var crl : factory.generateCRLs(new ByteArrayInputStream(data))) {
      crls.add((X509CRL) crl);
    }
    return crls;
  }
}
