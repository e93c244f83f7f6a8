package dev.attestca.client;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An Attestation CA and one applet build's attestation key and certificate under it: what a card
 * manufacturer holds, in miniature. The command line writes a development one with {@code dev-pki};
 * tests make their own, trusted or not.
 *
 * @param caCertificate the Attestation CA's self-signed certificate
 * @param attestationKey the applet build's attestation private key (EC P-256)
 * @param attestationCertificate the attestation key's certificate, issued by the CA
 * @param caCrl the CA's CRL, empty, valid as long as the CA certificate
 */
public record AttestationPki(
    X509Certificate caCertificate,
    ECPrivateKey attestationKey,
    X509Certificate attestationCertificate,
    X509CRL caCrl) {

  static final String CA_FILE = "demo-attestation-ca.pem";
  static final String CERTIFICATE_FILE = "demo-applet-attestation.pem";
  static final String KEY_FILE = "demo-applet-attestation.key.pem";
  static final String CRL_FILE = "demo-attestation-ca.crl.pem";

  /**
   * Generates a fresh Attestation CA and attestation key.
   *
   * @param caName the CA's subject, e.g. {@code CN=Example Attestation CA}
   * @param attestationName the attestation certificate's subject
   */
  public static AttestationPki generate(String caName, String attestationName)
      throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    KeyPair ca = generator.generateKeyPair();
    KeyPair attestation = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name caSubject = new X500Name(caName);
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    try {
      X509v3CertificateBuilder caBuilder =
          new JcaX509v3CertificateBuilder(
                  caSubject,
                  new BigInteger(64, random).setBit(63),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(3650 * 2))),
                  caSubject,
                  ca.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(ca.getPublic()));
      X509Certificate caCertificate = sign(caBuilder, ca.getPrivate());
      X509v3CertificateBuilder attestationBuilder =
          new JcaX509v3CertificateBuilder(
                  caCertificate,
                  new BigInteger(64, random).setBit(63),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(3650))),
                  new X500Name(attestationName),
                  attestation.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(attestation.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(caCertificate));
      X509Certificate attestationCertificate = sign(attestationBuilder, ca.getPrivate());
      X509v2CRLBuilder crlBuilder =
          new JcaX509v2CRLBuilder(caCertificate, Date.from(now))
              .setNextUpdate(caCertificate.getNotAfter())
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(caCertificate))
              .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
      X509CRL crl =
          new JcaX509CRLConverter()
              .getCRL(
                  crlBuilder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
      return new AttestationPki(
          caCertificate, (ECPrivateKey) attestation.getPrivate(), attestationCertificate, crl);
    } catch (OperatorCreationException | IOException e) {
      throw new GeneralSecurityException("cannot build the attestation certificates", e);
    }
  }

  /** Reads the files {@link #write} wrote. */
  public static AttestationPki read(Path directory) throws IOException, GeneralSecurityException {
    return new AttestationPki(
        certificate(Files.readAllBytes(directory.resolve(CA_FILE))),
        privateKey(Files.readString(directory.resolve(KEY_FILE), StandardCharsets.US_ASCII)),
        certificate(Files.readAllBytes(directory.resolve(CERTIFICATE_FILE))),
        crl(Files.readAllBytes(directory.resolve(CRL_FILE))));
  }

  /** The development PKI bundled with the command line (DEVELOPMENT ONLY). */
  public static AttestationPki development() throws IOException, GeneralSecurityException {
    return new AttestationPki(
        certificate(resource(CA_FILE)),
        privateKey(new String(resource(KEY_FILE), StandardCharsets.US_ASCII)),
        certificate(resource(CERTIFICATE_FILE)),
        crl(resource(CRL_FILE)));
  }

  private static byte[] resource(String name) throws IOException {
    try (var in = AttestationPki.class.getResourceAsStream("/dev-attestation/" + name)) {
      if (in == null) {
        throw new IOException(
            "the development attestation PKI file " + name + " is not on the class path");
      }
      return in.readAllBytes();
    }
  }

  /** Writes the CA certificate, the attestation certificate and key as PEM files. */
  public void write(Path directory) throws IOException, GeneralSecurityException {
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve(CA_FILE), Pem.encode("CERTIFICATE", caCertificate.getEncoded()));
    Files.writeString(
        directory.resolve(CERTIFICATE_FILE),
        Pem.encode("CERTIFICATE", attestationCertificate.getEncoded()));
    Files.writeString(
        directory.resolve(KEY_FILE), Pem.encode("PRIVATE KEY", attestationKey.getEncoded()));
    Files.writeString(directory.resolve(CRL_FILE), Pem.encode("X509 CRL", caCrl.getEncoded()));
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
  }

  private static X509Certificate certificate(byte[] pemOrDer) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new java.io.ByteArrayInputStream(pemOrDer));
  }

  private static X509CRL crl(byte[] pemOrDer) throws GeneralSecurityException {
    return (X509CRL)
        CertificateFactory.getInstance("X.509")
            .generateCRL(new java.io.ByteArrayInputStream(pemOrDer));
  }

  private static ECPrivateKey privateKey(String pem) throws GeneralSecurityException {
    String body =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return (ECPrivateKey)
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
