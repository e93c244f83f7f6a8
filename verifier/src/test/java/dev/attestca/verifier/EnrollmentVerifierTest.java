package dev.attestca.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pipeline end to end, under the JDK's SunEC and under a Bouncy Castle instance. */
class EnrollmentVerifierTest {
  private static final TestPki PKI = TestPki.INSTANCE;

  static Stream<Named<EnrollmentVerifier>> verifiers() {
    Provider sunEc = Security.getProvider("SunEC");
    return Stream.of(
        Named.of("Bouncy Castle instance", new EnrollmentVerifier(TestPki.CLOCK)),
        Named.of("JDK SunEC", new EnrollmentVerifier(TestPki.CLOCK, sunEc)));
  }

  private static byte[] csrWith(byte[] contentInfo) {
    return new Requests.Csr(PKI.deviceKey)
        .attestation(
            Requests.bundle(
                CmsKeyAttestationFormat.STATEMENT_TYPE,
                ContentInfo.getInstance(contentInfo),
                PKI.attestationCert))
        .encoded();
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void acceptsTheAppletFormatBuiltByCmsSignedDataGenerator(EnrollmentVerifier verifier)
      throws Exception {
    RecordingNonces nonces = new RecordingNonces();
    VerifiedEnrollment result =
        verifier.verify(csrWith(generatorBuiltAttestation()), null, PKI.policy().build(), nonces);

    VerifiedAttestation attestation = result.attestation().orElseThrow();
    assertEquals(VerificationPolicy.FORMAT_CMS, attestation.format());
    assertEquals(PKI.attestationCert, attestation.signerCertificate());
    assertEquals(List.of(PKI.attestationCert), attestation.certificatePath());
    assertEquals(3, attestation.keySlot());
    assertTrue(attestation.generatedOnCard());
    assertFalse(attestation.exportable());
    assertEquals("pin", attestation.userVerification());
    assertEquals("1.0.0", attestation.appletVersion());
    assertEquals("build-2026-11-30", attestation.appletBuild());
    assertArrayEquals(CmsSpec.NONCE, attestation.nonce());
    assertEquals(TestPki.spki(PKI.deviceKey), result.publicKey());
    assertEquals(1, nonces.consumed.size());
    assertArrayEquals(CmsSpec.NONCE, nonces.consumed.get(0));
    assertEquals(List.of("device-attested"), nonces.profiles);
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void acceptsTheFieldByFieldAttestationInTheDetachedField(EnrollmentVerifier verifier)
      throws Exception {
    byte[] csr = new Requests.Csr(PKI.deviceKey).encoded();
    byte[] bundle =
        CmsSpec.der(
            Requests.bundle(
                CmsKeyAttestationFormat.STATEMENT_TYPE, new CmsSpec(PKI).contentInfo()));

    VerifiedEnrollment result =
        verifier.verify(csr, bundle, PKI.policy().build(), new RecordingNonces());

    assertEquals(PKI.attestationCert, result.attestation().orElseThrow().signerCertificate());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void acceptsABareContentInfoInTheDetachedField(EnrollmentVerifier verifier) throws Exception {
    byte[] csr = new Requests.Csr(PKI.deviceKey).encoded();

    VerifiedEnrollment result =
        verifier.verify(
            csr, new CmsSpec(PKI).encoded(), PKI.policy().build(), new RecordingNonces());

    assertTrue(result.attestation().isPresent());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void aProfileWithoutAttestationAcceptsABareValidCsr(EnrollmentVerifier verifier)
      throws Exception {
    VerificationPolicy policy =
        VerificationPolicy.builder("plain").requireAttestation(false).build();
    RecordingNonces nonces = new RecordingNonces();

    VerifiedEnrollment result =
        verifier.verify(new Requests.Csr(PKI.deviceKey).encoded(), null, policy, nonces);

    assertTrue(result.attestation().isEmpty());
    assertTrue(nonces.consumed.isEmpty());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void aProfileWithoutAttestationStillRejectsABadAttestation(EnrollmentVerifier verifier) {
    VerificationPolicy policy = PKI.policy().requireAttestation(false).build();
    CmsSpec spec = new CmsSpec(PKI);
    spec.messageDigestMutation = d -> flip(d, 0);

    assertRejected(
        ReasonCode.ATTESTATION_SIGNATURE_INVALID,
        () -> verifier.verify(csrWith(spec.encoded()), null, policy, new RecordingNonces()));
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void missingAttestationOnAnAttestingProfileIsRejected(EnrollmentVerifier verifier) {
    RecordingNonces nonces = new RecordingNonces();

    EnrollmentRejectedException e =
        assertRejected(
            ReasonCode.ATTESTATION_MISSING,
            () ->
                verifier.verify(
                    new Requests.Csr(PKI.deviceKey).encoded(), null, PKI.policy().build(), nonces));

    assertTrue(e.getMessage().contains("device-attested"), e.getMessage());
    assertTrue(nonces.consumed.isEmpty());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void attestationOfAnotherKeyIsRejected(EnrollmentVerifier verifier) {
    CmsSpec spec = new CmsSpec(PKI);
    spec.attestedKey = TestPki.spki(TestPki.ec("secp256r1"));
    RecordingNonces nonces = new RecordingNonces();

    assertRejected(
        ReasonCode.ATTESTATION_KEY_MISMATCH,
        () -> verifier.verify(csrWith(spec.encoded()), null, PKI.policy().build(), nonces));
    assertTrue(nonces.consumed.isEmpty());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void attestationFromAnUntrustedCaIsRejectedWithTheFailingIndex(EnrollmentVerifier verifier) {
    var key = TestPki.ec("secp256r1");
    X509Certificate cert =
        TestPki.endEntity("CN=Rogue Build", key, PKI.untrustedRoot, PKI.untrustedKey, b -> {});
    CmsSpec spec = new CmsSpec(PKI);
    spec.sidCertificate = cert;
    spec.signingKey = key.getPrivate();
    spec.certificates = List.of(cert, PKI.untrustedRoot);

    EnrollmentRejectedException e =
        assertRejected(
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () ->
                verifier.verify(
                    csrWith(spec.encoded()), null, PKI.policy().build(), new RecordingNonces()));
    assertTrue(e.getMessage().contains("path failed at index 0"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void tamperedContentIsRejectedByTheMessageDigest(EnrollmentVerifier verifier) {
    CmsSpec spec = new CmsSpec(PKI);
    byte[] good = spec.keyAttestation();
    spec.messageDigestMutation = d -> digestOf(good);
    spec.keySlot = new org.bouncycastle.asn1.ASN1Integer(4);

    EnrollmentRejectedException e =
        assertRejected(
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () ->
                verifier.verify(
                    csrWith(spec.encoded()), null, PKI.policy().build(), new RecordingNonces()));
    assertTrue(e.getMessage().contains("messageDigest"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void aWrongContentTypeIsRejected(EnrollmentVerifier verifier) {
    CmsSpec spec = new CmsSpec(PKI);
    spec.eContentType = new ASN1ObjectIdentifier("1.2.840.113549.1.7.1");
    spec.contentTypeAttribute = spec.eContentType;

    EnrollmentRejectedException e =
        assertRejected(
            ReasonCode.ATTESTATION_FORMAT_UNSUPPORTED,
            () ->
                verifier.verify(
                    csrWith(spec.encoded()), null, PKI.policy().build(), new RecordingNonces()));
    assertTrue(e.getMessage().contains("1.2.840.113549.1.7.1"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void aBrokenCsrSignatureIsRejected(EnrollmentVerifier verifier) {
    Requests.Csr csr = new Requests.Csr(PKI.deviceKey);
    csr.signingKey = TestPki.ec("secp256r1").getPrivate();

    assertRejected(
        ReasonCode.CSR_SIGNATURE_INVALID,
        () -> verifier.verify(csr.encoded(), null, PKI.policy().build(), new RecordingNonces()));
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void aNonceTheConsumerRejectsRejectsTheRequest(EnrollmentVerifier verifier) {
    RecordingNonces nonces = new RecordingNonces(ReasonCode.NONCE_REUSED);

    assertRejected(
        ReasonCode.NONCE_REUSED,
        () ->
            verifier.verify(
                csrWith(new CmsSpec(PKI).encoded()), null, PKI.policy().build(), nonces));
    assertEquals(1, nonces.consumed.size());
  }

  static byte[] generatorBuiltAttestation() throws Exception {
    CMSAttributeTableGenerator onlyTheTwo =
        params -> {
          ASN1EncodableVector v = new ASN1EncodableVector();
          v.add(
              new Attribute(
                  CMSAttributes.contentType,
                  new DERSet(
                      (ASN1ObjectIdentifier) params.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
          v.add(
              new Attribute(
                  CMSAttributes.messageDigest,
                  new DERSet(
                      new DEROctetString((byte[]) params.get(CMSAttributeTableGenerator.DIGEST)))));
          return new AttributeTable(v);
        };
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(TestPki.BC).build())
            .setSignedAttributeGenerator(onlyTheTwo)
            .build(TestPki.signer(PKI.attestationKey.getPrivate()), PKI.attestationCert));
    generator.addCertificates(new JcaCertStore(List.of(PKI.attestationCert)));
    byte[] content = new CmsSpec(PKI).keyAttestation();
    return generator
        .generate(
            new CMSProcessableByteArray(CmsKeyAttestationFormat.STATEMENT_TYPE, content), true)
        .getEncoded("DER");
  }

  static byte[] digestOf(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 0x01;
    return copy;
  }

  interface Call {
    void run() throws Exception;
  }

  static EnrollmentRejectedException assertRejected(ReasonCode expected, Call call) {
    EnrollmentRejectedException e = assertThrows(EnrollmentRejectedException.class, call::run);
    assertEquals(expected, e.reason(), e.getMessage());
    return e;
  }
}
