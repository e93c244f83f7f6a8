package dev.attestca.applet;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test PKI made in code: an Attestation CA and one attestation certificate for the card, both
 * P-256. Regenerated for every test run; nothing is stored.
 */
record TestPki(
    KeyPair caKeys,
    X509Certificate caCertificate,
    KeyPair attestationKeys,
    X509Certificate attestationCertificate) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static TestPki generate() {
    return generate("CN=AttestCA Test Attestation CA,O=AttestCA Tests,C=DE");
  }

  /** A PKI whose CA has the given distinguished name (so tests can vary the issuer's size). */
  static TestPki generate(String caName) {
    try {
      KeyPair ca = p256();
      KeyPair attestation = p256();
      X500Name caSubject = new X500Name(caName);
      Instant now = Instant.now();
      X509Certificate caCertificate = certificate(caSubject, caSubject, ca, ca, now, true);
      X500Name cardSubject =
          new X500Name("CN=AttestCA applet attestation key,O=AttestCA Tests,C=DE");
      X509Certificate attestationCertificate =
          certificate(caSubject, cardSubject, ca, attestation, now, false);
      return new TestPki(ca, caCertificate, attestation, attestationCertificate);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot make the test PKI", e);
    }
  }

  ECPrivateKey attestationPrivateKey() {
    return (ECPrivateKey) attestationKeys.getPrivate();
  }

  static KeyPair p256() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(
      X500Name issuer,
      X500Name subject,
      KeyPair issuerKeys,
      KeyPair subjectKeys,
      Instant now,
      boolean ca)
      throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(1, randomBytes(16)).setBit(127),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(365))),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }

  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
