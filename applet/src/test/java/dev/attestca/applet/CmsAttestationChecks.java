package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks a CMS attestation against docs/attestation-format.md, field by field, and verifies its
 * signature with Bouncy Castle and with the JDK. Shared by the attestation tests and the soak test.
 */
final class CmsAttestationChecks {
  static final ASN1ObjectIdentifier KEY_ATTESTATION =
      new ASN1ObjectIdentifier("2.25.174822898292409921572471212881234464813.1.1");

  private CmsAttestationChecks() {}

  /** Asserts every rule of the format; returns the decoded KeyAttestation. */
  static ASN1Sequence check(
      byte[] der,
      X509Certificate signer,
      PublicKey attestedKey,
      int slot,
      byte[] nonce,
      int userVerification)
      throws Exception {
    assertArrayEquals(der, ASN1Primitive.fromByteArray(der).getEncoded("DER"), "not DER");
    ContentInfo contentInfo = ContentInfo.getInstance(der);
    assertEquals(CMSObjectIdentifiers.signedData, contentInfo.getContentType());
    SignedData signedData = SignedData.getInstance(contentInfo.getContent());
    assertEquals(3, signedData.getVersion().intValueExact());
    assertEquals(1, signedData.getDigestAlgorithms().size());
    assertSha256(AlgorithmIdentifier.getInstance(signedData.getDigestAlgorithms().getObjectAt(0)));
    assertEquals(KEY_ATTESTATION, signedData.getEncapContentInfo().getContentType());
    byte[] eContent =
        ASN1OctetString.getInstance(signedData.getEncapContentInfo().getContent()).getOctets();
    assertEquals(1, signedData.getCertificates().size());
    assertArrayEquals(
        signer.getEncoded(),
        signedData.getCertificates().getObjectAt(0).toASN1Primitive().getEncoded("DER"));
    assertNull(signedData.getCRLs());

    assertEquals(1, signedData.getSignerInfos().size());
    SignerInfo signerInfo = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
    assertEquals(1, signerInfo.getVersion().intValueExact());
    IssuerAndSerialNumber sid = IssuerAndSerialNumber.getInstance(signerInfo.getSID().getId());
    X509CertificateHolder holder = new X509CertificateHolder(signer.getEncoded());
    assertEquals(holder.getIssuer(), sid.getName());
    assertEquals(signer.getSerialNumber(), sid.getSerialNumber().getValue());
    assertSha256(signerInfo.getDigestAlgorithm());
    assertEquals(
        X9ObjectIdentifiers.ecdsa_with_SHA256,
        signerInfo.getDigestEncryptionAlgorithm().getAlgorithm());
    assertNull(signerInfo.getDigestEncryptionAlgorithm().getParameters());
    assertNull(signerInfo.getUnauthenticatedAttributes());

    ASN1Set attributes = signerInfo.getAuthenticatedAttributes();
    assertEquals(2, attributes.size());
    Attribute contentType = Attribute.getInstance(attributes.getObjectAt(0));
    Attribute messageDigest = Attribute.getInstance(attributes.getObjectAt(1));
    assertEquals(CMSAttributes.contentType, contentType.getAttrType());
    assertEquals(1, contentType.getAttrValues().size());
    assertEquals(KEY_ATTESTATION, contentType.getAttrValues().getObjectAt(0));
    assertEquals(CMSAttributes.messageDigest, messageDigest.getAttrType());
    assertEquals(1, messageDigest.getAttrValues().size());
    assertArrayEquals(
        MessageDigest.getInstance("SHA-256").digest(eContent),
        ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets());

    CMSSignedData cms = new CMSSignedData(der);
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    SignerInformation information = signers.iterator().next();
    assertTrue(
        information.verify(
            new JcaSimpleSignerInfoVerifierBuilder().setProvider(Verify.BC).build(signer)),
        "CMS signature under Bouncy Castle");
    assertTrue(
        information.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer)),
        "CMS signature under the JDK's providers");
    assertTrue(
        Verify.jdk(
            "SHA256withECDSA",
            signer.getPublicKey(),
            information.getEncodedSignedAttributes(),
            information.getSignature()),
        "signature over the signed attributes under SunEC");

    ASN1Sequence keyAttestation = ASN1Sequence.getInstance(eContent);
    checkKeyAttestation(keyAttestation, attestedKey, slot, nonce, userVerification);
    return keyAttestation;
  }

  private static void checkKeyAttestation(
      ASN1Sequence ka, PublicKey attestedKey, int slot, byte[] nonce, int userVerification)
      throws Exception {
    assertEquals(6, ka.size());
    assertEquals(1, ASN1Integer.getInstance(ka.getObjectAt(0)).intValueExact(), "version");
    assertEquals(slot, ASN1Integer.getInstance(ka.getObjectAt(1)).intValueExact(), "keySlot");
    assertArrayEquals(
        attestedKey.getEncoded(), ka.getObjectAt(2).toASN1Primitive().getEncoded("DER"));
    ASN1Sequence properties = ASN1Sequence.getInstance(ka.getObjectAt(3));
    assertEquals(3, properties.size());
    assertEquals(ASN1Boolean.TRUE, properties.getObjectAt(0), "generatedOnCard");
    assertEquals(ASN1Boolean.FALSE, properties.getObjectAt(1), "exportable");
    assertEquals(
        userVerification,
        ASN1Enumerated.getInstance(properties.getObjectAt(2)).intValueExact(),
        "userVerification");
    assertArrayEquals(nonce, ASN1OctetString.getInstance(ka.getObjectAt(4)).getOctets());
    ASN1Sequence identity = ASN1Sequence.getInstance(ka.getObjectAt(5));
    assertEquals(2, identity.size());
    assertEquals("0.1.0", ASN1UTF8String.getInstance(identity.getObjectAt(0)).getString());
    assertEquals(
        "attestca-applet-0.1.0-dev",
        ASN1UTF8String.getInstance(identity.getObjectAt(1)).getString());
  }

  private static void assertSha256(AlgorithmIdentifier algorithm) {
    assertEquals(NISTObjectIdentifiers.id_sha256, algorithm.getAlgorithm());
    ASN1Encodable parameters = algorithm.getParameters();
    assertNull(parameters, "SHA-256 parameters must be absent");
  }
}
