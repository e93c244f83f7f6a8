package dev.attestca.verifier;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A CMS key attestation written field by field with Bouncy Castle's ASN.1 types, so that a test can
 * change exactly one field. The defaults give a valid attestation in the format of
 * docs/attestation-format.md for {@link TestPki#deviceKey}, signed by the attestation certificate.
 */
final class CmsSpec {
  static final byte[] NONCE = "nonce-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  // KeyAttestation
  ASN1Encodable version = new ASN1Integer(1);
  ASN1Encodable keySlot = new ASN1Integer(3);
  ASN1Encodable attestedKey;
  ASN1Encodable generatedOnCard = ASN1Boolean.TRUE;
  ASN1Encodable exportable = ASN1Boolean.FALSE;
  ASN1Encodable userVerification = new ASN1Enumerated(1);
  ASN1Encodable nonce = new DEROctetString(NONCE);
  ASN1Encodable appletVersion = new DERUTF8String("1.0.0");
  ASN1Encodable appletBuild = new DERUTF8String("build-2026-11-30");
  byte[] eContentOverride;

  // CMS envelope
  ASN1ObjectIdentifier contentInfoType = CMSObjectIdentifiers.signedData;
  int signedDataVersion = 3;
  ASN1ObjectIdentifier eContentType = CmsKeyAttestationFormat.STATEMENT_TYPE;
  boolean detachedContent;
  ASN1ObjectIdentifier contentTypeAttribute = CmsKeyAttestationFormat.STATEMENT_TYPE;
  boolean omitContentTypeAttribute;
  UnaryOperator<byte[]> messageDigestMutation = UnaryOperator.identity();
  List<Attribute> extraSignedAttributes = new ArrayList<>();
  boolean omitSignedAttributes;
  AlgorithmIdentifier digestAlgorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
  AlgorithmIdentifier declaredDigestAlgorithm =
      new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
  AlgorithmIdentifier signatureAlgorithm =
      new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
  String digestName = "SHA-256";
  String signatureName = "SHA256withECDSA";
  int signerVersion = 1;
  boolean sidBySubjectKeyId;
  X509Certificate sidCertificate;
  PrivateKey signingKey;
  List<X509Certificate> certificates = new ArrayList<>();
  int signerInfoCopies = 1;
  ASN1Set crls;
  ASN1Set unsignedAttributes;
  UnaryOperator<byte[]> signatureMutation = UnaryOperator.identity();

  CmsSpec(TestPki pki) {
    attestedKey = TestPki.spki(pki.deviceKey);
    sidCertificate = pki.attestationCert;
    signingKey = pki.attestationKey.getPrivate();
    certificates.add(pki.attestationCert);
  }

  byte[] keyAttestation() {
    if (eContentOverride != null) {
      return eContentOverride;
    }
    return der(
        new DERSequence(
            new ASN1Encodable[] {
              version,
              keySlot,
              attestedKey,
              new DERSequence(new ASN1Encodable[] {generatedOnCard, exportable, userVerification}),
              nonce,
              new DERSequence(new ASN1Encodable[] {appletVersion, appletBuild})
            }));
  }

  ContentInfo contentInfo() {
    try {
      byte[] content = keyAttestation();
      ASN1EncodableVector attrs = new ASN1EncodableVector();
      if (!omitContentTypeAttribute) {
        attrs.add(new Attribute(CMSAttributes.contentType, new DERSet(contentTypeAttribute)));
      }
      byte[] digest = MessageDigest.getInstance(digestName).digest(content);
      attrs.add(
          new Attribute(
              CMSAttributes.messageDigest,
              new DERSet(new DEROctetString(messageDigestMutation.apply(digest)))));
      extraSignedAttributes.forEach(attrs::add);
      DERSet signedAttrs = new DERSet(attrs);
      Signature signer = Signature.getInstance(signatureName, TestPki.BC);
      signer.initSign(signingKey);
      signer.update(omitSignedAttributes ? content : der(signedAttrs));
      byte[] signature = signatureMutation.apply(signer.sign());
      ASN1EncodableVector fields = new ASN1EncodableVector();
      fields.add(new ASN1Integer(signerVersion));
      fields.add(sid());
      fields.add(digestAlgorithm);
      if (!omitSignedAttributes) {
        fields.add(new DERTaggedObject(false, 0, signedAttrs));
      }
      fields.add(signatureAlgorithm);
      fields.add(new DEROctetString(signature));
      if (unsignedAttributes != null) {
        fields.add(new DERTaggedObject(false, 1, unsignedAttributes));
      }
      SignerInfo signerInfo = SignerInfo.getInstance(new DERSequence(fields));
      ASN1EncodableVector signerInfos = new ASN1EncodableVector();
      for (int i = 0; i < signerInfoCopies; i++) {
        signerInfos.add(signerInfo);
      }
      ASN1EncodableVector certs = new ASN1EncodableVector();
      for (X509Certificate cert : certificates) {
        certs.add(Certificate.getInstance(cert.getEncoded()));
      }
      SignedData signedData =
          new SignedData(
              new ASN1Integer(signedDataVersion),
              new DERSet(declaredDigestAlgorithm),
              new ContentInfo(eContentType, detachedContent ? null : new DEROctetString(content)),
              certificates.isEmpty() ? null : new DERSet(certs),
              crls,
              new DERSet(signerInfos));
      return new ContentInfo(contentInfoType, signedData);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private SignerIdentifier sid() throws Exception {
    if (sidBySubjectKeyId) {
      return new SignerIdentifier(
          new DEROctetString(
              SubjectKeyIdentifier.fromExtensions(
                      Certificate.getInstance(sidCertificate.getEncoded())
                          .getTBSCertificate()
                          .getExtensions())
                  .getKeyIdentifier()));
    }
    return new SignerIdentifier(
        new IssuerAndSerialNumber(
            X500Name.getInstance(sidCertificate.getIssuerX500Principal().getEncoded()),
            sidCertificate.getSerialNumber()));
  }

  byte[] encoded() {
    return der(contentInfo());
  }

  static byte[] der(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static SubjectPublicKeyInfo spki(java.security.KeyPair key) {
    return TestPki.spki(key);
  }
}
