package dev.attestca.verifier;

import static dev.attestca.verifier.NegativeCase.row;
import static dev.attestca.verifier.Scenarios.PKI;
import static dev.attestca.verifier.Scenarios.csrOnly;
import static dev.attestca.verifier.Scenarios.csrWithBundle;
import static dev.attestca.verifier.Scenarios.request;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSR step, the size limit, and finding the attestation. */
class CsrAndBundleNegativeCasesTest {
  private static final ASN1ObjectIdentifier CMS_TYPE = CmsKeyAttestationFormat.STATEMENT_TYPE;

  static Stream<Arguments> cases() {
    return NegativeCase.withProviders(rows());
  }

  /** The rows of this step, each a bad request and the code it must be rejected with. */
  static Stream<NegativeCase> rows() {
    return Stream.of(
        row(
            "request larger than 64 KiB",
            ReasonCode.CSR_TOO_LARGE,
            () ->
                request(
                    new Requests.Csr(PKI.deviceKey).encoded(),
                    new byte[64 * 1024],
                    PKI.policy().build())),
        row("CSR is not ASN.1", ReasonCode.CSR_MALFORMED, () -> csrOnly(new byte[] {1, 2, 3})),
        row(
            "CSR uses an indefinite (BER) length",
            ReasonCode.CSR_MALFORMED,
            () -> csrOnly(Scenarios.indefiniteLength(validCsr()))),
        row(
            "CSR uses a non-minimal length",
            ReasonCode.CSR_MALFORMED,
            () -> csrOnly(Scenarios.longFormLength(validCsr()))),
        row(
            "CSR has a trailing byte",
            ReasonCode.CSR_MALFORMED,
            () -> csrOnly(Scenarios.withTrailingByte(validCsr()))),
        row(
            "CSR is a SEQUENCE of the wrong shape",
            ReasonCode.CSR_MALFORMED,
            () -> csrOnly(CmsSpec.der(new DERSequence(new ASN1Integer(0))))),
        row(
            "CSR version is 1",
            ReasonCode.CSR_MALFORMED,
            () ->
                csrOnly(
                    Scenarios.rawCsr(1, TestPki.spki(PKI.deviceKey), PKI.deviceKey.getPrivate()))),
        row(
            "CSR key point is not on P-256",
            ReasonCode.CSR_MALFORMED,
            () ->
                csrOnly(
                    Scenarios.rawCsr(
                        0, Scenarios.offCurve(PKI.deviceKey), PKI.deviceKey.getPrivate()))),
        row(
            "CSR has two extensionRequest attributes",
            ReasonCode.CSR_MALFORMED,
            () -> csrOnly(twoExtensionRequests())),
        row(
            "CSR is signed by another key",
            ReasonCode.CSR_SIGNATURE_INVALID,
            () -> {
              Requests.Csr csr = new Requests.Csr(PKI.deviceKey);
              csr.signingKey = TestPki.ec("secp256r1").getPrivate();
              return csrOnly(csr.encoded());
            }),
        row(
            "CSR signature has r = 0",
            ReasonCode.CSR_SIGNATURE_INVALID,
            () -> csrOnly(withCsrSignature(BigInteger.ZERO, null))),
        row(
            "CSR signature has s = n",
            ReasonCode.CSR_SIGNATURE_INVALID,
            () -> csrOnly(withCsrSignature(null, Scenarios.P256_ORDER))),
        row(
            "CSR is signed with ecdsa-with-SHA512",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () -> {
              Requests.Csr csr = new Requests.Csr(PKI.deviceKey);
              csr.signatureName = "SHA512withECDSA";
              return csrOnly(csr.encoded());
            }),
        row(
            "CSR key is RSA",
            ReasonCode.KEY_ALGORITHM_NOT_ALLOWED,
            () -> {
              Requests.Csr csr = new Requests.Csr(rsa());
              csr.signatureName = "SHA256withRSA";
              return csrOnly(csr.encoded());
            }),
        row(
            "CSR key is on P-521",
            ReasonCode.KEY_ALGORITHM_NOT_ALLOWED,
            () -> {
              Requests.Csr csr = new Requests.Csr(TestPki.ec("secp521r1"));
              csr.signatureName = "SHA512withECDSA";
              return csrOnly(csr.encoded());
            }),
        row(
            "CSR key is on secp256k1",
            ReasonCode.KEY_ALGORITHM_NOT_ALLOWED,
            () -> csrOnly(new Requests.Csr(TestPki.ec("secp256k1")).encoded())),
        row(
            "CSR key is on P-384 and the profile allows only P-256",
            ReasonCode.KEY_ALGORITHM_NOT_ALLOWED,
            () ->
                request(
                    new Requests.Csr(TestPki.ec("secp384r1")).encoded(),
                    null,
                    PKI.policy().allowedCurves(List.of(VerificationPolicy.CURVE_P256)).build())),
        row(
            "CSR key has explicit curve parameters",
            ReasonCode.KEY_CURVE_PARAMETERS_EXPLICIT,
            () ->
                csrOnly(
                    Scenarios.rawCsr(
                        0,
                        Scenarios.explicitParameters(PKI.deviceKey),
                        PKI.deviceKey.getPrivate()))),
        row(
            "CSR key is a compressed point",
            ReasonCode.KEY_POINT_COMPRESSED,
            () ->
                csrOnly(
                    Scenarios.rawCsr(
                        0, Scenarios.compressed(PKI.deviceKey), PKI.deviceKey.getPrivate()))),
        row(
            "no attestation on an attesting profile",
            ReasonCode.ATTESTATION_MISSING,
            () -> csrOnly(validCsr())),
        row(
            "two attestation attributes",
            ReasonCode.ATTESTATION_AMBIGUOUS,
            () ->
                csrOnly(
                    new Requests.Csr(PKI.deviceKey)
                        .attestation(cmsBundle())
                        .attestation(cmsBundle())
                        .encoded())),
        row(
            "one attestation attribute with two values",
            ReasonCode.ATTESTATION_AMBIGUOUS,
            () ->
                csrOnly(
                    new Requests.Csr(PKI.deviceKey)
                        .attestation(cmsBundle(), cmsBundle())
                        .encoded())),
        row(
            "attestation both in the CSR and in the detached field",
            ReasonCode.ATTESTATION_AMBIGUOUS,
            () ->
                request(
                    csrWithBundle(cmsBundle()), new CmsSpec(PKI).encoded(), PKI.policy().build())),
        row(
            "bundle with two statements",
            ReasonCode.ATTESTATION_AMBIGUOUS,
            () -> csrOnly(csrWithBundle(Requests.bundleOf(List.of(statement(), statement()))))),
        row(
            "bundle is an OCTET STRING",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> csrOnly(csrWithBundle(new DEROctetString(new byte[] {1})))),
        row(
            "bundle with an empty attestations list",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> csrOnly(csrWithBundle(new DERSequence(new DERSequence())))),
        row(
            "statement with an INTEGER where a hint may stand",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                csrOnly(
                    csrWithBundle(
                        Requests.bundleOf(
                            List.of(
                                new DERSequence(
                                    new ASN1Encodable[] {
                                      CMS_TYPE, new CmsSpec(PKI).contentInfo(), new ASN1Integer(7)
                                    })))))),
        row(
            "detached attestation with an indefinite (BER) length",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                request(
                    validCsr(),
                    Scenarios.indefiniteLength(new CmsSpec(PKI).encoded()),
                    PKI.policy().build())),
        row(
            "detached attestation with a trailing byte",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                request(
                    validCsr(),
                    Scenarios.withTrailingByte(new CmsSpec(PKI).encoded()),
                    PKI.policy().build())),
        row(
            "statement type is the TCG TPM certify statement",
            ReasonCode.ATTESTATION_FORMAT_UNSUPPORTED,
            () ->
                csrOnly(
                    csrWithBundle(
                        Requests.bundle(
                            new ASN1ObjectIdentifier("2.23.133.20.1"),
                            new DERSequence(new DEROctetString(new byte[8])))))),
        row(
            "JWS attestation on a CMS-only profile",
            ReasonCode.ATTESTATION_FORMAT_NOT_ACCEPTED,
            () -> Scenarios.jws(spec -> {}, PKI.policy().build())));
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("cases")
  void rejected(NegativeCase row, EnrollmentVerifier verifier) throws Exception {
    row.assertRejectedBy(verifier);
  }

  static byte[] validCsr() {
    return new Requests.Csr(PKI.deviceKey).encoded();
  }

  static ASN1Encodable statement() {
    return new DERSequence(new ASN1Encodable[] {CMS_TYPE, new CmsSpec(PKI).contentInfo()});
  }

  static ASN1Encodable cmsBundle() {
    return Requests.bundle(CMS_TYPE, new CmsSpec(PKI).contentInfo());
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static byte[] twoExtensionRequests() throws Exception {
    Extensions ext =
        new Extensions(new Extension(Extension.keyUsage, true, new KeyUsage(1).getEncoded()));
    PKCS10CertificationRequestBuilder builder =
        new JcaPKCS10CertificationRequestBuilder(
            new org.bouncycastle.asn1.x500.X500Name("CN=x"), PKI.deviceKey.getPublic());
    builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext);
    builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext);
    return builder.build(TestPki.signer(PKI.deviceKey.getPrivate())).getEncoded();
  }

  /** The valid CSR with its signature value replaced by one whose r or s is changed. */
  static byte[] withCsrSignature(BigInteger r, BigInteger s) {
    CertificationRequest csr = CertificationRequest.getInstance(validCsr());
    BigInteger[] rs = Scenarios.rs(csr.getSignature().getOctets());
    byte[] signature = Scenarios.ecdsaSignature(r == null ? rs[0] : r, s == null ? rs[1] : s);
    return CmsSpec.der(
        new DERSequence(
            new ASN1Encodable[] {
              csr.getCertificationRequestInfo(),
              csr.getSignatureAlgorithm(),
              new org.bouncycastle.asn1.DERBitString(signature)
            }));
  }
}
