package dev.attestca.ca.issuance;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.qualified.ETSIQCObjectIdentifiers;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The issuing CA: its key, its certificate, and the act of signing a certificate.
 *
 * <p>The key lives in a PKCS#12 file. When the file does not exist at start, a development CA key
 * and self-signed certificate are generated and written there, so the same CA survives restarts.
 * The file's location comes from the system property {@value #KEYSTORE_PROPERTY} (default: {@code
 * attestca/ca.p12} under the server's data directory) and its password from the environment
 * variable {@value #PASSWORD_ENV} or else the system property {@value #PASSWORD_PROPERTY}, whose
 * value in the server configuration is an encrypted expression of the Elytron credential store
 * (WildFly decrypts it when it sets the property), so no file holds the password in clear.
 *
 * <p>Thread-safe: after start-up the key and certificate never change, and signing uses a Bouncy
 * Castle provider instance that is never registered with the JVM.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class CertificateAuthority {

  public static final String KEYSTORE_PROPERTY = "attestca.ca.keystore";
  public static final String PASSWORD_ENV = "ATTESTCA_CA_KEYSTORE_PASSWORD";
  public static final String PASSWORD_PROPERTY = "attestca.ca.keystore.password";
  static final String DEVELOPMENT_PASSWORD = "attestca-development-only";
  private static final String KEY_ALIAS = "ca";
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());

  private final Provider bouncyCastle = new BouncyCastleProvider();
  private final SecureRandom random = new SecureRandom();

  @Inject Clock clock;

  private PrivateKey key;
  private X509Certificate certificate;

  @PostConstruct
  void start() {
    Path file = keystorePath();
    char[] password = keystorePassword();
    try {
      if (!Files.exists(file)) {
        createDevelopmentCa(file, password);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
      key = (PrivateKey) store.getKey(KEY_ALIAS, password);
      certificate = (X509Certificate) store.getCertificate(KEY_ALIAS);
      if (key == null || certificate == null) {
        throw new IllegalStateException(
            "CA key store " + file + " has no entry '" + KEY_ALIAS + "'");
      }
      LOG.info(
          "CA key loaded from "
              + file
              + "; CA certificate "
              + certificate.getSubjectX500Principal().getName());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the CA key store " + file, e);
    }
  }

  /**
   * Whether the CA key is loaded and signs: a throw-away signature over a fixed text, verified with
   * the CA certificate's key. Never throws; a failure is logged.
   */
  public boolean canSign() {
    if (key == null || certificate == null) {
      return false;
    }
    try {
      byte[] probe = "attestca readiness".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM, bouncyCastle);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM, bouncyCastle);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      LOG.log(Level.WARNING, "the CA key does not sign", e);
      return false;
    }
  }

  /** The CA certificate, the only element of the chain above every issued certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The chain returned with issued certificates, CA first, the leaf not included. */
  public List<X509Certificate> chain() {
    return List.of(certificate);
  }

  /**
   * Signs a certificate from {@code template}, with a CRL distribution point naming {@link
   * CrlLocation#url()}.
   */
  public X509Certificate issue(CertificateTemplate template) {
    Instant now = clock.instant();
    BigInteger serial = new BigInteger(1, randomSerialOctets());
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
                  X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                  serial,
                  Date.from(now),
                  Date.from(now.plus(template.validity())),
                  template.subject(),
                  template.publicKey())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(template.keyUsageBits()))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(template.publicKey()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(certificate))
              .addExtension(Extension.cRLDistributionPoints, false, crlDistributionPoint());
      if (!template.extendedKeyUsages().isEmpty()) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(template.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
      }
      if (template.qcSscd()) {
        builder.addExtension(
            Extension.qCStatements,
            false,
            new DERSequence(new QCStatement(ETSIQCObjectIdentifiers.id_etsi_qcs_QcSSCD)));
      }
      return sign(builder);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build certificate", e);
    }
  }

  /**
   * Signs a CRL (RFC 5280 section 5) listing {@code revoked}, with the CRL number {@code number}.
   */
  public X509CRL signCrl(
      long number, Instant thisUpdate, Instant nextUpdate, List<RevokedEntry> revoked) {
    try {
      X509v2CRLBuilder builder =
          new X509v2CRLBuilder(
              X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
              Date.from(thisUpdate));
      builder.setNextUpdate(Date.from(nextUpdate));
      for (RevokedEntry entry : revoked) {
        builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), entry.reasonCode());
      }
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
      ContentSigner signer =
          new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(bouncyCastle).build(key);
      return new JcaX509CRLConverter().setProvider(bouncyCastle).getCRL(builder.build(signer));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot sign the CRL", e);
    }
  }

  /** One revoked certificate as a CRL lists it; {@code reasonCode} is the RFC 5280 CRLReason. */
  public record RevokedEntry(BigInteger serial, Instant revokedAt, int reasonCode) {}

  private static CRLDistPoint crlDistributionPoint() {
    GeneralNames names =
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, CrlLocation.url()));
    return new CRLDistPoint(
        new DistributionPoint[] {
          new DistributionPoint(new DistributionPointName(names), null, null)
        });
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(bouncyCastle).build(key);
      X509CertificateHolder holder = builder.build(signer);
      return new JcaX509CertificateConverter().setProvider(bouncyCastle).getCertificate(holder);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot create the CA signer", e);
    }
  }

  private void createDevelopmentCa(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    LOG.warning(
        "No CA key store at "
            + file
            + ": generating a DEVELOPMENT CA key and self-signed certificate. Do not issue"
            + " production certificates with it; see the README on configuring the CA key.");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"), random);
    KeyPair pair = generator.generateKeyPair();
    Instant now = clock.instant();
    X500Name name = new X500Name("CN=AttestCA Development CA,O=AttestCA development only");
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
                name,
                new BigInteger(1, randomSerialOctets()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(3650))),
                name,
                spki)
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
            .addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
            .addExtension(
                Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(spki));
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA384withECDSA")
              .setProvider(bouncyCastle)
              .build(pair.getPrivate());
      X509Certificate caCertificate =
          new JcaX509CertificateConverter()
              .setProvider(bouncyCastle)
              .getCertificate(builder.build(signer));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          KEY_ALIAS, pair.getPrivate(), password, new X509Certificate[] {caCertificate});
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot create the development CA signer", e);
    }
  }

  /** 16 random octets with the top bit cleared: a positive serial of 127 random bits. */
  private byte[] randomSerialOctets() {
    byte[] octets = new byte[16];
    random.nextBytes(octets);
    octets[0] &= 0x7f;
    return octets;
  }

  private static Path keystorePath() {
    String configured = System.getProperty(KEYSTORE_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    String dataDir = System.getProperty("jboss.server.data.dir", ".");
    return Paths.get(dataDir, "attestca", "ca.p12");
  }

  private static char[] keystorePassword() {
    String fromEnvironment = System.getenv(PASSWORD_ENV);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment.toCharArray();
    }
    String fromCredentialStore = System.getProperty(PASSWORD_PROPERTY);
    if (fromCredentialStore != null && !fromCredentialStore.isEmpty()) {
      if (fromCredentialStore.startsWith("${")) {
        throw new IllegalStateException(
            PASSWORD_PROPERTY
                + " holds an expression the server did not resolve; check its credential store");
      }
      return fromCredentialStore.toCharArray();
    }
    LOG.warning(
        "Neither "
            + PASSWORD_ENV
            + " nor "
            + PASSWORD_PROPERTY
            + " is set: using the development key store password. Set one for any CA that"
            + " issues real certificates.");
    return DEVELOPMENT_PASSWORD.toCharArray();
  }
}
