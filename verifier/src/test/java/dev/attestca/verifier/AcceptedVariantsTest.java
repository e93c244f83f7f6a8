package dev.attestca.verifier;

import static dev.attestca.verifier.Scenarios.PKI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid variants the verifier must accept, and the real-world sample it must name. */
class AcceptedVariantsTest {

  static List<Named<EnrollmentVerifier>> verifiers() {
    return NegativeCase.verifiers();
  }

  private static VerifiedEnrollment verify(
      EnrollmentVerifier verifier, NegativeCase.Request request) throws Exception {
    return verifier.verify(request.csr(), request.detached(), request.policy(), request.nonces());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void jwsKeyAttestationIsAcceptedAndItsNonceConsumed(EnrollmentVerifier verifier)
      throws Exception {
    NegativeCase.Request request = Scenarios.jws(spec -> {});

    VerifiedAttestation a = verify(verifier, request).attestation().orElseThrow();

    assertEquals(VerificationPolicy.FORMAT_JWS, a.format());
    assertEquals(PKI.attestationCert, a.signerCertificate());
    assertEquals(List.of("iso_18045_high"), a.keyStorage());
    assertEquals(-1, a.keySlot());
    assertArrayEquals(JwsSpec.NONCE.getBytes(StandardCharsets.UTF_8), a.nonce());
    assertEquals(1, request.nonces().consumed.size());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void jwsWithES384AndAP384AttesterIsAccepted(EnrollmentVerifier verifier) throws Exception {
    KeyPair key = TestPki.ec("secp384r1");
    X509Certificate cert =
        TestPki.endEntity("CN=P-384 Wallet", key, PKI.root, PKI.rootKey, b -> {});
    NegativeCase.Request request =
        Scenarios.jws(
            spec -> {
              new Scenarios.Chain(key, cert, List.of()).applyTo(spec);
              spec.header.put("alg", "ES384");
              spec.signatureName = "SHA384withECDSA";
              spec.rawSignatureLength = 96;
            });

    assertTrue(verify(verifier, request).attestation().isPresent());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void cmsWithSubjectKeyIdentifierSidAndVersion3IsAccepted(EnrollmentVerifier verifier)
      throws Exception {
    NegativeCase.Request request =
        Scenarios.cms(
            s -> {
              s.sidBySubjectKeyId = true;
              s.signerVersion = 3;
            });

    assertTrue(verify(verifier, request).attestation().isPresent());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void cmsWithSha384AndAP384SignerAndP384DeviceKeyIsAccepted(EnrollmentVerifier verifier)
      throws Exception {
    KeyPair signerKey = TestPki.ec("secp384r1");
    X509Certificate signer =
        TestPki.endEntity("CN=P-384 Build", signerKey, PKI.root, PKI.rootKey, b -> {});
    KeyPair device = TestPki.ec("secp384r1");
    CmsSpec spec = new CmsSpec(PKI);
    new Scenarios.Chain(signerKey, signer, List.of()).applyTo(spec);
    spec.attestedKey = TestPki.spki(device);
    spec.digestAlgorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384);
    spec.declaredDigestAlgorithm = spec.digestAlgorithm;
    spec.signatureAlgorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384);
    spec.digestName = "SHA-384";
    spec.signatureName = "SHA384withECDSA";
    Requests.Csr csr = new Requests.Csr(device);
    csr.signatureName = "SHA384withECDSA";
    csr.attestation(Requests.bundle(CmsKeyAttestationFormat.STATEMENT_TYPE, spec.contentInfo()));

    VerifiedEnrollment result =
        verifier.verify(csr.encoded(), null, PKI.policy().build(), new RecordingNonces());

    assertEquals(TestPki.spki(device), result.publicKey());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void earlierEvidenceBundleWithAHintIsAccepted(EnrollmentVerifier verifier) throws Exception {
    ASN1Encodable statement =
        new DERSequence(
            new ASN1Encodable[] {
              CmsKeyAttestationFormat.STATEMENT_TYPE,
              new CmsSpec(PKI).contentInfo(),
              new DERIA5String("attestca.example")
            });
    byte[] csr = Scenarios.csrWithBundle(Requests.bundleOf(List.of(statement)));

    assertTrue(
        verifier
            .verify(csr, null, PKI.policy().build(), new RecordingNonces())
            .attestation()
            .isPresent());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void requestedExtensionsAreReportedToTheCaller(EnrollmentVerifier verifier) throws Exception {
    Extension keyUsage =
        new Extension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature).getEncoded());
    Requests.Csr csr = new Requests.Csr(PKI.deviceKey);
    csr.extensions = new Extensions(keyUsage);
    csr.attestation(
        Requests.bundle(CmsKeyAttestationFormat.STATEMENT_TYPE, new CmsSpec(PKI).contentInfo()));

    VerifiedEnrollment result =
        verifier.verify(csr.encoded(), null, PKI.policy().build(), new RecordingNonces());

    assertEquals(List.of(keyUsage), result.requestedExtensions());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void aMissingIntermediateCrlIsSkippedWhenThePolicySaysSo(EnrollmentVerifier verifier)
      throws Exception {
    ChainNegativeCasesTest.Intermediate i = ChainNegativeCasesTest.Intermediate.create(b -> {});
    NegativeCase.Request request =
        Scenarios.cms(
            new Scenarios.Chain(i.signerKey(), i.signer(), List.of(i.intermediate()))::applyTo,
            PKI.policy()
                .revocationMode(VerificationPolicy.RevocationMode.CRL_IF_AVAILABLE)
                .build());

    VerifiedAttestation a = verify(verifier, request).attestation().orElseThrow();

    assertEquals(List.of(i.signer(), i.intermediate()), a.certificatePath());
  }

  /** The draft's real TPM sample: its bundle parses and its statement type is named. */
  @ParameterizedTest
  @MethodSource("verifiers")
  void theDraftsTpmStatementIsNamedAsUnsupported(EnrollmentVerifier verifier) throws Exception {
    Path pem =
        Path.of(
            System.getProperty("attestca.shared.dir"),
            "testdata/real-world/csr-attestation-draft/tcgAttestTpmCertify.pem");
    PKCS10CertificationRequest real;
    try (PEMParser parser = new PEMParser(Files.newBufferedReader(pem))) {
      real = (PKCS10CertificationRequest) parser.readObject();
    }
    Attribute[] attrs = real.getAttributes(Requests.ID_AA_ATTESTATION);
    ASN1Set values = attrs[0].getAttrValues();
    byte[] bundle = CmsSpec.der(values.getObjectAt(0));

    EnrollmentRejectedException asIs =
        EnrollmentVerifierTest.assertRejected(
            ReasonCode.KEY_ALGORITHM_NOT_ALLOWED,
            () -> verifier.verify(real.getEncoded(), null, PKI.policy().build(), null));
    EnrollmentRejectedException detached =
        EnrollmentVerifierTest.assertRejected(
            ReasonCode.ATTESTATION_FORMAT_UNSUPPORTED,
            () ->
                verifier.verify(
                    new Requests.Csr(PKI.deviceKey).encoded(),
                    bundle,
                    PKI.policy().build(),
                    new RecordingNonces()));

    assertTrue(asIs.getMessage().contains("1.2.840.113549.1.1.1"), asIs.getMessage());
    assertTrue(detached.getMessage().contains("2.23.133.20.1"), detached.getMessage());
  }
}
