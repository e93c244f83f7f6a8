package dev.attestca.verifier;

import static dev.attestca.verifier.NegativeCase.row;
import static dev.attestca.verifier.Scenarios.PKI;
import static dev.attestca.verifier.Scenarios.cms;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CMS envelope, the signature and the KeyAttestation content. */
class CmsNegativeCasesTest {

  static Stream<Arguments> cases() {
    return NegativeCase.withProviders(rows());
  }

  /** The rows of this step, each a bad request and the code it must be rejected with. */
  static Stream<NegativeCase> rows() {
    return Stream.of(
        row(
            "CMS ContentInfo type is id-data",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.contentInfoType = CMSObjectIdentifiers.data)),
        row(
            "CMS SignedData version is 1",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.signedDataVersion = 1)),
        row(
            "CMS eContentType is id-data",
            ReasonCode.ATTESTATION_FORMAT_UNSUPPORTED,
            () ->
                cms(
                    s -> {
                      s.eContentType = CMSObjectIdentifiers.data;
                      s.contentTypeAttribute = CMSObjectIdentifiers.data;
                    })),
        row(
            "CMS eContent is detached",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.detachedContent = true)),
        row(
            "CMS SignedData carries crls",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.crls = new DERSet(new DERSet()))),
        row(
            "CMS SignedData has two SignerInfos",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.signerInfoCopies = 2)),
        row(
            "CMS SignerInfo version 3 with an issuerAndSerialNumber sid",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.signerVersion = 3)),
        row(
            "CMS SignerInfo version 1 with a subjectKeyIdentifier sid",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.sidBySubjectKeyId = true)),
        row(
            "CMS sid selects no sent certificate",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.certificates = List.of())),
        row(
            "CMS sid selects two certificates with the same subjectKeyIdentifier",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                cms(
                    s -> {
                      s.sidBySubjectKeyId = true;
                      s.signerVersion = 3;
                      s.certificates = List.of(PKI.attestationCert, sameKeyIdTwin());
                    })),
        row(
            "CMS signed by an extra certificate's key, sid naming the attestation certificate",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () -> {
              Scenarios.Chain other = Scenarios.signedByRoot(b -> {});
              return cms(
                  s -> {
                    s.signingKey = other.key().getPrivate();
                    s.certificates = List.of(PKI.attestationCert, other.signer());
                  });
            }),
        row(
            "CMS signedAttrs absent",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.omitSignedAttributes = true)),
        row(
            "CMS contentType attribute missing",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.omitContentTypeAttribute = true)),
        row(
            "CMS contentType attribute is id-data while eContentType is ours",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.contentTypeAttribute = CMSObjectIdentifiers.data)),
        row(
            "CMS signedAttrs carry a signingTime",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                cms(
                    s ->
                        s.extraSignedAttributes.add(
                            new Attribute(
                                CMSAttributes.signingTime,
                                new DERSet(new DERUTCTime("261130000000Z")))))),
        row(
            "CMS has two messageDigest attributes and no contentType",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                cms(
                    s -> {
                      s.omitContentTypeAttribute = true;
                      s.extraSignedAttributes.add(
                          new Attribute(
                              CMSAttributes.messageDigest,
                              new DERSet(new DEROctetString(new byte[32]))));
                    })),
        row(
            "CMS contentType attribute with two values",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                cms(
                    s -> {
                      s.omitContentTypeAttribute = true;
                      s.extraSignedAttributes.add(
                          new Attribute(
                              CMSAttributes.contentType,
                              new DERSet(
                                  new org.bouncycastle.asn1.ASN1Encodable[] {
                                    CmsKeyAttestationFormat.STATEMENT_TYPE,
                                    CMSObjectIdentifiers.data
                                  })));
                    })),
        row(
            "CMS messageDigest does not match eContent",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () -> cms(s -> s.messageDigestMutation = d -> EnrollmentVerifierTest.flip(d, 5))),
        row(
            "CMS unsignedAttrs present",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                cms(
                    s ->
                        s.unsignedAttributes =
                            new DERSet(
                                new Attribute(
                                    CMSAttributes.signingTime,
                                    new DERSet(new DERUTCTime("261130000000Z")))))),
        row(
            "CMS digestAlgorithm is SHA-1",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () ->
                cms(
                    s -> {
                      s.digestAlgorithm = new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1);
                      s.declaredDigestAlgorithm = s.digestAlgorithm;
                      s.digestName = "SHA-1";
                      s.signatureName = "SHA1withECDSA";
                      s.signatureAlgorithm =
                          new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA1);
                    })),
        row(
            "CMS signatureAlgorithm ecdsa-with-SHA384 with a SHA-256 digest",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () ->
                cms(
                    s ->
                        s.signatureAlgorithm =
                            new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384))),
        row(
            "CMS signatureAlgorithm carries NULL parameters",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () ->
                cms(
                    s ->
                        s.signatureAlgorithm =
                            new AlgorithmIdentifier(
                                X9ObjectIdentifiers.ecdsa_with_SHA256, DERNull.INSTANCE))),
        row(
            "CMS digestAlgorithms does not list the signer's digest",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                cms(
                    s ->
                        s.declaredDigestAlgorithm =
                            new AlgorithmIdentifier(
                                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha384))),
        row(
            "CMS signature by another key",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () -> cms(s -> s.signingKey = TestPki.ec("secp256r1").getPrivate())),
        row(
            "CMS signature value with a non-minimal DER length",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () -> cms(s -> s.signatureMutation = Scenarios::longFormLength)),
        row(
            "CMS signature value with a trailing byte",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () -> cms(s -> s.signatureMutation = Scenarios::withTrailingByte)),
        row(
            "CMS signature with r = 0",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () ->
                cms(
                    s ->
                        s.signatureMutation =
                            sig ->
                                Scenarios.ecdsaSignature(BigInteger.ZERO, Scenarios.rs(sig)[1]))),
        row(
            "CMS signature with s = n",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () ->
                cms(
                    s ->
                        s.signatureMutation =
                            sig ->
                                Scenarios.ecdsaSignature(
                                    Scenarios.rs(sig)[0], Scenarios.P256_ORDER))),
        row(
            "CMS signature with s + n (same value mod n)",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () ->
                cms(
                    s ->
                        s.signatureMutation =
                            sig ->
                                Scenarios.ecdsaSignature(
                                    Scenarios.rs(sig)[0],
                                    Scenarios.rs(sig)[1].add(Scenarios.P256_ORDER)))),
        row(
            "KeyAttestation version is 2",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.version = new ASN1Integer(2))),
        row(
            "KeyAttestation keySlot is 256",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.keySlot = new ASN1Integer(256))),
        row(
            "KeyAttestation nonce is 7 bytes",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.nonce = new DEROctetString(new byte[7]))),
        row(
            "KeyAttestation userVerification is 2",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.userVerification = new ASN1Enumerated(2))),
        row(
            "KeyAttestation appletVersion is 33 characters",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.appletVersion = new DERUTF8String("1".repeat(33)))),
        row(
            "KeyAttestation BOOLEAN encoded as 0x01 (BER, not DER)",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.eContentOverride = berBoolean(s.keyAttestation()))),
        row(
            "KeyAttestation followed by a trailing byte",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.eContentOverride = Scenarios.withTrailingByte(s.keyAttestation()))),
        row(
            "KeyAttestation attestedKey is a compressed point",
            ReasonCode.KEY_POINT_COMPRESSED,
            () -> cms(s -> s.attestedKey = Scenarios.compressed(PKI.deviceKey))),
        row(
            "KeyAttestation attestedKey has explicit curve parameters",
            ReasonCode.KEY_CURVE_PARAMETERS_EXPLICIT,
            () -> cms(s -> s.attestedKey = Scenarios.explicitParameters(PKI.deviceKey))),
        row(
            "KeyAttestation attestedKey point is off the curve",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> cms(s -> s.attestedKey = Scenarios.offCurve(PKI.deviceKey))),
        row(
            "KeyAttestation attestedKey is another P-256 key",
            ReasonCode.ATTESTATION_KEY_MISMATCH,
            () -> cms(s -> s.attestedKey = TestPki.spki(TestPki.ec("secp256r1")))),
        row(
            "KeyAttestation attestedKey is a P-384 key for a P-256 CSR",
            ReasonCode.ATTESTATION_KEY_MISMATCH,
            () -> cms(s -> s.attestedKey = TestPki.spki(TestPki.ec("secp384r1")))),
        row(
            "KeyAttestation generatedOnCard is FALSE",
            ReasonCode.ATTESTATION_KEY_PROPERTIES_INSUFFICIENT,
            () -> cms(s -> s.generatedOnCard = ASN1Boolean.FALSE)),
        row(
            "KeyAttestation exportable is TRUE",
            ReasonCode.ATTESTATION_KEY_PROPERTIES_INSUFFICIENT,
            () -> cms(s -> s.exportable = ASN1Boolean.TRUE)),
        row(
            "nonce unknown to the CA",
            ReasonCode.NONCE_UNKNOWN,
            () -> withNonces(ReasonCode.NONCE_UNKNOWN)),
        row("nonce expired", ReasonCode.NONCE_EXPIRED, () -> withNonces(ReasonCode.NONCE_EXPIRED)),
        row(
            "nonce already used",
            ReasonCode.NONCE_REUSED,
            () -> withNonces(ReasonCode.NONCE_REUSED)));
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("cases")
  void rejected(NegativeCase row, EnrollmentVerifier verifier) throws Exception {
    row.assertRejectedBy(verifier);
  }

  static NegativeCase.Request withNonces(ReasonCode rejection) {
    NegativeCase.Request r = cms(s -> {});
    return new NegativeCase.Request(r.csr(), null, r.policy(), new RecordingNonces(rejection));
  }

  /** A second certificate that carries the attestation certificate's subjectKeyIdentifier. */
  static java.security.cert.X509Certificate sameKeyIdTwin() {
    try {
      byte[] ski =
          SubjectKeyIdentifier.getInstance(
                  org.bouncycastle.asn1.ASN1OctetString.getInstance(
                          PKI.attestationCert.getExtensionValue(
                              Extension.subjectKeyIdentifier.getId()))
                      .getOctets())
              .getKeyIdentifier();
      return TestPki.endEntity(
          "CN=Twin",
          TestPki.ec("secp256r1"),
          PKI.root,
          PKI.rootKey,
          b ->
              TestPki.add(b, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(ski)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The content with its first BOOLEAN TRUE (01 01 ff) written as 01 01 01. */
  static byte[] berBoolean(byte[] der) {
    byte[] ber = der.clone();
    for (int i = 0; i + 2 < ber.length; i++) {
      if (ber[i] == 0x01 && ber[i + 1] == 0x01 && ber[i + 2] == (byte) 0xff) {
        ber[i + 2] = 0x01;
        return ber;
      }
    }
    throw new IllegalStateException("no BOOLEAN TRUE found");
  }
}
