package dev.attestca.verifier;

import static dev.attestca.verifier.NegativeCase.row;
import static dev.attestca.verifier.Scenarios.PKI;
import static dev.attestca.verifier.Scenarios.cms;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The certificate path from the attestation signer to the profile's anchors, and revocation. */
class ChainNegativeCasesTest {

  static Stream<Arguments> cases() {
    return NegativeCase.withProviders(rows());
  }

  /** The rows of this step, each a bad request and the code it must be rejected with. */
  static Stream<NegativeCase> rows() {
    return Stream.of(
        row(
            "CMS signer certificate issued by an untrusted CA",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () -> {
              KeyPair key = TestPki.ec("secp256r1");
              X509Certificate cert =
                  TestPki.endEntity("CN=Rogue", key, PKI.untrustedRoot, PKI.untrustedKey, b -> {});
              return signedBy(new Scenarios.Chain(key, cert, List.of(PKI.untrustedRoot)));
            }),
        row(
            "CMS signer certificate is itself a CA",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () -> {
              KeyPair key = TestPki.ec("secp256r1");
              X509Certificate cert =
                  TestPki.ca("CN=Signer CA", key, PKI.root, PKI.rootKey, b -> {});
              return signedBy(new Scenarios.Chain(key, cert, List.of()));
            }),
        row(
            "CMS signer keyUsage lacks digitalSignature",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () ->
                signedBy(
                    Scenarios.signedByRoot(
                        b ->
                            TestPki.add(
                                b,
                                Extension.keyUsage,
                                true,
                                new KeyUsage(KeyUsage.keyAgreement))))),
        row(
            "CMS signer certificate is an end-entity acting as CA",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () ->
                underIntermediate(
                    b -> {
                      TestPki.add(b, Extension.basicConstraints, true, new BasicConstraints(false));
                      TestPki.add(
                          b,
                          Extension.keyUsage,
                          true,
                          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
                    })),
        row(
            "CMS intermediate CA without keyCertSign",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () ->
                underIntermediate(
                    b -> TestPki.add(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.cRLSign)))),
        row(
            "CMS path exceeds an intermediate's pathLen 0",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            ChainNegativeCasesTest::pathLenViolation),
        row(
            "CMS signer certificate has an unknown critical extension",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () ->
                signedBy(
                    Scenarios.signedByRoot(
                        b ->
                            TestPki.add(
                                b,
                                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"),
                                true,
                                DERNull.INSTANCE)))),
        row(
            "CMS signer certificate expired before the clock's time",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () -> signedBy(validity(-400, -1))),
        row(
            "CMS signer certificate not yet valid at the clock's time",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () -> signedBy(validity(1, 400))),
        row(
            "CMS signer issued by a self-signed look-alike of the trusted root sent in the bag",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () -> {
              KeyPair fakeRootKey = TestPki.ec("secp256r1");
              X509Certificate fakeRoot =
                  TestPki.ca(
                      PKI.root.getSubjectX500Principal().getName(),
                      fakeRootKey,
                      null,
                      null,
                      b -> {});
              KeyPair key = TestPki.ec("secp256r1");
              X509Certificate cert =
                  TestPki.endEntity("CN=Look-alike Build", key, fakeRoot, fakeRootKey, b -> {});
              return signedBy(new Scenarios.Chain(key, cert, List.of(fakeRoot)));
            }),
        row(
            "CMS intermediate CA missing from the bag",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () -> {
              Intermediate i = Intermediate.create(b -> {});
              return signedBy(new Scenarios.Chain(i.signerKey, i.signer, List.of()));
            }),
        row(
            "CMS signer certificate revoked on the root's CRL",
            ReasonCode.ATTESTATION_CERTIFICATE_REVOKED,
            () ->
                cms(
                    s -> {},
                    policyWithRootCrl(
                        TestPki.crl(
                            PKI.root,
                            PKI.rootKey,
                            TestPki.NOW.minus(1, ChronoUnit.DAYS),
                            TestPki.NOW.plus(7, ChronoUnit.DAYS),
                            PKI.attestationCert)))),
        row(
            "root's CRL is stale (nextUpdate passed)",
            ReasonCode.ATTESTATION_REVOCATION_UNKNOWN,
            () ->
                cms(
                    s -> {},
                    policyWithRootCrl(
                        TestPki.crl(
                            PKI.root,
                            PKI.rootKey,
                            TestPki.NOW.minus(9, ChronoUnit.DAYS),
                            TestPki.NOW.minus(2, ChronoUnit.DAYS))))),
        row(
            "root's CRL is not yet valid",
            ReasonCode.ATTESTATION_REVOCATION_UNKNOWN,
            () ->
                cms(
                    s -> {},
                    policyWithRootCrl(
                        TestPki.crl(
                            PKI.root,
                            PKI.rootKey,
                            TestPki.NOW.plus(1, ChronoUnit.DAYS),
                            TestPki.NOW.plus(9, ChronoUnit.DAYS))))),
        row(
            "intermediate CA has no CRL in the policy",
            ReasonCode.ATTESTATION_REVOCATION_UNKNOWN,
            () -> {
              Intermediate i = Intermediate.create(b -> {});
              return signedBy(new Scenarios.Chain(i.signerKey, i.signer, List.of(i.intermediate)));
            }));
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("cases")
  void rejected(NegativeCase row, EnrollmentVerifier verifier) throws Exception {
    row.assertRejectedBy(verifier);
  }

  static NegativeCase.Request signedBy(Scenarios.Chain chain) {
    return cms(chain::applyTo);
  }

  static VerificationPolicy policyWithRootCrl(java.security.cert.X509CRL crl) {
    return VerificationPolicy.builder("device-attested")
        .trustAnchors(List.of(PKI.root))
        .crls(List.of(crl))
        .build();
  }

  /** Root → intermediate (customised) → signer. */
  record Intermediate(
      KeyPair intermediateKey,
      X509Certificate intermediate,
      KeyPair signerKey,
      X509Certificate signer) {
    static Intermediate create(
        java.util.function.Consumer<org.bouncycastle.cert.X509v3CertificateBuilder> customise) {
      KeyPair ik = TestPki.ec("secp256r1");
      X509Certificate ic = TestPki.ca("CN=Intermediate", ik, PKI.root, PKI.rootKey, customise);
      KeyPair sk = TestPki.ec("secp256r1");
      X509Certificate sc = TestPki.endEntity("CN=Build Below Intermediate", sk, ic, ik, b -> {});
      return new Intermediate(ik, ic, sk, sc);
    }
  }

  static NegativeCase.Request underIntermediate(
      java.util.function.Consumer<org.bouncycastle.cert.X509v3CertificateBuilder> customise) {
    Intermediate i = Intermediate.create(customise);
    return cms(
        new Scenarios.Chain(i.signerKey, i.signer, List.of(i.intermediate))::applyTo,
        PKI.policy().revocationMode(VerificationPolicy.RevocationMode.CRL_IF_AVAILABLE).build());
  }

  static NegativeCase.Request pathLenViolation() {
    KeyPair k1 = TestPki.ec("secp256r1");
    X509Certificate ca1 =
        TestPki.ca(
            "CN=PathLen Zero",
            k1,
            PKI.root,
            PKI.rootKey,
            b -> TestPki.add(b, Extension.basicConstraints, true, new BasicConstraints(0)));
    KeyPair k2 = TestPki.ec("secp256r1");
    X509Certificate ca2 = TestPki.ca("CN=Below PathLen Zero", k2, ca1, k1, b -> {});
    KeyPair sk = TestPki.ec("secp256r1");
    X509Certificate signer = TestPki.endEntity("CN=Too Deep", sk, ca2, k2, b -> {});
    return cms(
        new Scenarios.Chain(sk, signer, List.of(ca2, ca1))::applyTo,
        PKI.policy().revocationMode(VerificationPolicy.RevocationMode.CRL_IF_AVAILABLE).build());
  }

  /** A signer issued by the root, valid from now+fromDays to now+toDays. */
  static Scenarios.Chain validity(int fromDays, int toDays) {
    try {
      KeyPair key = TestPki.ec("secp256r1");
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              X500Name.getInstance(PKI.root.getSubjectX500Principal().getEncoded()),
              TestPki.nextSerial(),
              Date.from(TestPki.NOW.plus(fromDays, ChronoUnit.DAYS)),
              Date.from(TestPki.NOW.plus(toDays, ChronoUnit.DAYS)),
              new X500Name("CN=Time Bound Build"),
              key.getPublic());
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .setProvider(TestPki.BC)
              .getCertificate(b.build(TestPki.signer(PKI.rootKey.getPrivate())));
      return new Scenarios.Chain(key, cert, List.of());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
