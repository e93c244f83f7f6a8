package dev.attestca.ca.config;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.model.AttestationCa;
import dev.attestca.ca.model.AuditChainHead;
import dev.attestca.ca.model.CaCrl;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.ca.profile.ProfileDocument;
import dev.attestca.ca.profile.ProfileRules;
import dev.attestca.ca.trust.Pkix;
import dev.attestca.ca.trust.TrustStoreFiles;
import dev.attestca.ca.trust.TrustStoreService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Fills an empty database with the initial trust store and profiles, and creates the rows the audit
 * chain and the CRL keep their state in.
 *
 * <p>The Attestation CA certificates come from the PEM files in the directory named by the system
 * property {@value TrustStoreFiles#DIRECTORY_PROPERTY}. Without it, the DEVELOPMENT-ONLY demo
 * Attestation CA bundled with the application is trusted, and a warning says so at every start. The
 * profiles come from the JSON files in the directory named by {@value #PROFILES_PROPERTY} (see
 * {@code config/profiles/}); without it, the two shipped in that directory, bundled with the
 * application, are created: {@code attested}, which requires a key attestation chaining to those
 * CAs and takes anonymous callers (the attestation and the nonce are the proof), and {@code open},
 * which issues on a valid CSR alone and therefore only to callers with the enroller role. A profile
 * that requires attestation and names no Attestation CA trusts every imported one.
 */
@Singleton
@Startup
public class InitialConfiguration {

  public static final String PROFILES_PROPERTY = "attestca.profiles.dir";
  static final String DEMO_ATTESTATION_CA = "/dev-defaults/demo-attestation-ca.pem";
  static final String DEMO_ATTESTATION_CA_CRL = "/dev-defaults/demo-attestation-ca.crl.pem";
  static final List<String> SHIPPED_PROFILES =
      List.of("/dev-defaults/profiles/attested.json", "/dev-defaults/profiles/open.json");
  private static final Logger LOG = Logger.getLogger(InitialConfiguration.class.getName());

  @PersistenceContext EntityManager em;
  @Inject TrustStoreService trustStore;
  @Inject ProfileRules rules;

  @PostConstruct
  void start() {
    if (em.find(AuditChainHead.class, AuditChainHead.ID) == null) {
      em.persist(AuditChainHead.empty());
    }
    if (em.find(CaCrl.class, CaCrl.ID) == null) {
      em.persist(CaCrl.initial());
    }
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
    for (CertificateProfile profile : initialProfiles(anchors)) {
      em.persist(profile);
      LOG.info(
          "created profile '"
              + profile.getName()
              + "' (attestation "
              + (profile.isRequireAttestation() ? "required" : "not required")
              + (profile.isAnonymousEnrollment() ? ", anonymous callers" : ", enroller role")
              + ")");
    }
    warnIfDemoTrusted();
  }

  /** The profiles in {@value #PROFILES_PROPERTY}, or else the shipped ones. */
  private List<CertificateProfile> initialProfiles(List<AttestationCa> anchors) {
    String directory = System.getProperty(PROFILES_PROPERTY);
    boolean shipped = directory == null || directory.isBlank();
    String source = shipped ? "the shipped profiles" : directory;
    List<ProfileDocument> documents;
    try {
      documents =
          shipped
              ? ProfileFiles.readResources(SHIPPED_PROFILES)
              : ProfileFiles.read(Paths.get(directory));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + source, e);
    }
    List<CertificateProfile> profiles = new ArrayList<>();
    for (ProfileDocument document : documents) {
      CertificateProfile profile =
          new CertificateProfile(
              document.name(), Boolean.TRUE.equals(document.requireAttestation()));
      try {
        rules.apply(document, profile);
      } catch (OperatorRefusal refusal) {
        throw new IllegalStateException(
            "profile '" + document.name() + "' in " + source + ": " + refusal.getMessage());
      }
      if (profile.isRequireAttestation() && document.trustedAttestationCas() == null) {
        profile.getTrustedAttestationCas().addAll(anchors);
      }
      profiles.add(profile);
    }
    return profiles;
  }

  /**
   * The configured Attestation CA certificates, each with its CRL when one was given, or else the
   * bundled demo CA.
   */
  private List<AttestationCa> initialAnchors() {
    Path directory = TrustStoreFiles.configuredDirectory();
    try {
      TrustStoreFiles.Contents contents;
      if (directory == null) {
        contents =
            new TrustStoreFiles.Contents(
                Pkix.certificates(resource(DEMO_ATTESTATION_CA)),
                Pkix.crls(resource(DEMO_ATTESTATION_CA_CRL)));
      } else {
        contents = TrustStoreFiles.read(directory);
        if (contents.certificates().isEmpty()) {
          throw new IllegalStateException(
              TrustStoreFiles.DIRECTORY_PROPERTY
                  + " names "
                  + directory
                  + ", which holds no certificate");
        }
      }
      List<AttestationCa> anchors = new ArrayList<>();
      for (X509Certificate certificate : contents.certificates()) {
        AttestationCa anchor = trustStore.newAnchor(certificate);
        for (X509CRL crl : contents.crls()) {
          if (Pkix.issuedBy(crl, certificate)) {
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
}
