package dev.attestca.verifier;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The AttestCA applet's CMS key attestation (docs/attestation-format.md; RFC 5652 SignedData).
 * Stateless and thread-safe.
 */
final class CmsKeyAttestationFormat implements AttestationFormat {

  /** {@code id-attestca}, the project's UUID arc. */
  static final ASN1ObjectIdentifier ID_ATTESTCA =
      new ASN1ObjectIdentifier("2.25.174822898292409921572471212881234464813");

  /** {@code id-attestca-ct-keyAttestation}: content type and statement type. */
  static final ASN1ObjectIdentifier STATEMENT_TYPE = ID_ATTESTCA.branch("1.1");

  private static final Set<String> ALL_CURVES =
      Set.of(VerificationPolicy.CURVE_P256, VerificationPolicy.CURVE_P384);

  @Override
  public String name() {
    return VerificationPolicy.FORMAT_CMS;
  }

  @Override
  public ASN1ObjectIdentifier statementType() {
    return STATEMENT_TYPE;
  }

  @Override
  public VerifiedAttestation verify(AttestationStatement statement, Context context)
      throws EnrollmentRejectedException {
    SignedData signedData = signedData(statement.statement());
    byte[] eContent = encapsulatedContent(signedData);
    if (signedData.getCRLs() != null) {
      throw malformed("CMS SignedData.crls must be absent; got a crls field");
    }
    List<X509Certificate> cmsCerts = cmsCertificates(signedData.getCertificates());
    SignerInfo signerInfo = onlySignerInfo(signedData.getSignerInfos());
    List<X509Certificate> candidates = union(cmsCerts, statement.bundleCertificates());
    X509Certificate signer = selectSigner(signerInfo, candidates);
    EcdsaAlgorithm algorithm = algorithms(signedData, signerInfo);
    checkSignedAttributes(signerInfo, algorithm, eContent);
    EcKey signerKey =
        EcKey.decode(
            subjectPublicKeyInfo(signer),
            "CMS signer certificate subjectPublicKeyInfo",
            ReasonCode.ATTESTATION_MALFORMED,
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            ALL_CURVES);
    context
        .signatures()
        .verifyDer(
            signerKey,
            algorithm,
            Der.encode(signerInfo.getAuthenticatedAttributes()),
            signerInfo.getEncryptedDigest().getOctets(),
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            "CMS SignerInfo.signature");
    KeyAttestation content = KeyAttestation.decode(eContent);
    List<X509Certificate> bag = new ArrayList<>(candidates);
    bag.remove(signer);
    List<X509Certificate> path =
        CertificatePathValidator.validate(signer, bag, context.policy(), Date.from(context.now()));
    checkKeyBinding(content.attestedKey(), context.csrKey());
    checkKeyProperties(content);
    return new VerifiedAttestation(
        name(),
        signer,
        path,
        content.keySlot(),
        content.generatedOnCard(),
        content.exportable(),
        content.userVerification(),
        content.appletVersion(),
        content.appletBuild(),
        content.nonce());
  }

  private static SignedData signedData(ASN1Encodable stmt) throws EnrollmentRejectedException {
    ContentInfo contentInfo;
    try {
      contentInfo = ContentInfo.getInstance(stmt);
    } catch (IllegalArgumentException e) {
      throw malformed("CMS ContentInfo must be a SEQUENCE { contentType, [0] content }", e);
    }
    if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
      throw malformed(
          "CMS ContentInfo.contentType must be id-signedData; got "
              + contentInfo.getContentType().getId());
    }
    SignedData signedData;
    try {
      signedData = SignedData.getInstance(contentInfo.getContent());
    } catch (IllegalArgumentException e) {
      throw malformed("CMS SignedData must follow RFC 5652 section 5.1; " + e.getMessage(), e);
    }
    if (signedData.getVersion().intValueExact() != 3) {
      throw malformed(
          "CMS SignedData.version must be 3 (eContentType is not id-data); got "
              + signedData.getVersion().getValue());
    }
    return signedData;
  }

  private static byte[] encapsulatedContent(SignedData signedData)
      throws EnrollmentRejectedException {
    ContentInfo encap = signedData.getEncapContentInfo();
    if (!STATEMENT_TYPE.equals(encap.getContentType())) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_FORMAT_UNSUPPORTED,
          "CMS eContentType must be id-attestca-ct-keyAttestation ("
              + STATEMENT_TYPE.getId()
              + "); got "
              + encap.getContentType().getId());
    }
    if (!(encap.getContent() instanceof ASN1OctetString octets)) {
      throw malformed("CMS eContent must be present (attached) as an OCTET STRING; it is not");
    }
    return octets.getOctets();
  }

  private static List<X509Certificate> cmsCertificates(ASN1Set set)
      throws EnrollmentRejectedException {
    List<X509Certificate> certs = new ArrayList<>();
    for (int i = 0; set != null && i < set.size(); i++) {
      ASN1Encodable choice = set.getObjectAt(i);
      if (!(choice instanceof ASN1Sequence)) {
        throw malformed("CMS SignedData.certificates[" + i + "] must be an X.509 certificate");
      }
      certs.add(
          AttestationStatement.certificate(
              Der.encode(choice), "CMS SignedData.certificates[" + i + "]"));
    }
    return certs;
  }

  private static SignerInfo onlySignerInfo(ASN1Set signerInfos) throws EnrollmentRejectedException {
    if (signerInfos.size() != 1) {
      throw malformed(
          "CMS SignedData.signerInfos must hold exactly one SignerInfo; got " + signerInfos.size());
    }
    try {
      return SignerInfo.getInstance(signerInfos.getObjectAt(0));
    } catch (IllegalArgumentException e) {
      throw malformed("CMS SignerInfo must follow RFC 5652 section 5.3; " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> union(
      List<X509Certificate> first, List<X509Certificate> second) {
    List<X509Certificate> all = new ArrayList<>(first);
    for (X509Certificate cert : second) {
      byte[] encoded = AttestationStatement.encoded(cert);
      if (all.stream().noneMatch(c -> Arrays.equals(AttestationStatement.encoded(c), encoded))) {
        all.add(cert);
      }
    }
    return all;
  }

  /** RFC 5652 section 5.3: the sid kind fixes the version; the sid selects exactly one cert. */
  private static X509Certificate selectSigner(SignerInfo signerInfo, List<X509Certificate> certs)
      throws EnrollmentRejectedException {
    SignerIdentifier sid = signerInfo.getSID();
    int version = signerInfo.getVersion().intValueExact();
    boolean byKeyId = sid.isTagged();
    if (version != (byKeyId ? 3 : 1)) {
      throw malformed(
          "CMS SignerInfo.version must be "
              + (byKeyId ? "3 with a subjectKeyIdentifier" : "1 with an issuerAndSerialNumber")
              + " sid; got "
              + version);
    }
    List<X509Certificate> matches = new ArrayList<>();
    for (X509Certificate cert : certs) {
      if (byKeyId ? keyIdMatches(sid, cert) : issuerSerialMatches(sid, cert)) {
        matches.add(cert);
      }
    }
    if (matches.size() != 1) {
      throw malformed(
          "CMS SignerInfo.sid must select exactly one sent certificate; it selects "
              + matches.size());
    }
    return matches.get(0);
  }

  private static boolean issuerSerialMatches(SignerIdentifier sid, X509Certificate cert) {
    IssuerAndSerialNumber ias = IssuerAndSerialNumber.getInstance(sid.getId());
    Certificate c = Certificate.getInstance(AttestationStatement.encoded(cert));
    return c.getIssuer().equals(ias.getName())
        && c.getSerialNumber().getValue().equals(ias.getSerialNumber().getValue());
  }

  private static boolean keyIdMatches(SignerIdentifier sid, X509Certificate cert) {
    byte[] wanted = ASN1OctetString.getInstance(sid.getId()).getOctets();
    byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (ext == null) {
      return false;
    }
    byte[] ski =
        ASN1OctetString.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getOctets();
    return Arrays.equals(ski, wanted);
  }

  private static EcdsaAlgorithm algorithms(SignedData signedData, SignerInfo signerInfo)
      throws EnrollmentRejectedException {
    AlgorithmIdentifier digestId = signerInfo.getDigestAlgorithm();
    EcdsaAlgorithm digest = EcdsaAlgorithm.byDigestAlgorithm(digestId);
    if (digest == null) {
      throw new EnrollmentRejectedException(
          ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
          "CMS SignerInfo.digestAlgorithm must be id-sha256 or id-sha384; got "
              + EcdsaAlgorithm.describe(digestId));
    }
    AlgorithmIdentifier signatureId = signerInfo.getDigestEncryptionAlgorithm();
    EcdsaAlgorithm signature = EcdsaAlgorithm.bySignatureAlgorithm(signatureId);
    if (signature != digest) {
      throw new EnrollmentRejectedException(
          ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
          "CMS SignerInfo.signatureAlgorithm must be ecdsa-with-"
              + digest.jcaDigest.replace("-", "")
              + " without parameters to match the digest; got "
              + EcdsaAlgorithm.describe(signatureId));
    }
    ASN1Set declared = signedData.getDigestAlgorithms();
    boolean listed = false;
    for (int i = 0; i < declared.size(); i++) {
      listed |=
          digest
              == EcdsaAlgorithm.byDigestAlgorithm(
                  AlgorithmIdentifier.getInstance(declared.getObjectAt(i)));
    }
    if (!listed) {
      throw malformed(
          "CMS SignedData.digestAlgorithms must list the signer's "
              + digest.jcaDigest
              + "; it does not");
    }
    return digest;
  }

  /** RFC 5652 sections 5.3 and 11: contentType and messageDigest, exactly once each. */
  private static void checkSignedAttributes(
      SignerInfo signerInfo, EcdsaAlgorithm algorithm, byte[] eContent)
      throws EnrollmentRejectedException {
    ASN1Set attrs = signerInfo.getAuthenticatedAttributes();
    if (attrs == null) {
      throw malformed("CMS SignerInfo.signedAttrs must be present; it is absent");
    }
    if (signerInfo.getUnauthenticatedAttributes() != null) {
      throw malformed("CMS SignerInfo.unsignedAttrs must be absent; it is present");
    }
    ASN1Encodable contentType = null;
    ASN1Encodable messageDigest = null;
    if (attrs.size() != 2) {
      throw malformed(
          "CMS signedAttrs must hold exactly contentType and messageDigest; got "
              + attrs.size()
              + " attributes");
    }
    for (int i = 0; i < attrs.size(); i++) {
      Attribute attr = Attribute.getInstance(attrs.getObjectAt(i));
      ASN1ObjectIdentifier type = attr.getAttrType();
      if (attr.getAttrValues().size() != 1) {
        throw malformed("CMS signed attribute " + type.getId() + " must have exactly one value");
      }
      if (CMSAttributes.contentType.equals(type) && contentType == null) {
        contentType = attr.getAttrValues().getObjectAt(0);
      } else if (CMSAttributes.messageDigest.equals(type) && messageDigest == null) {
        messageDigest = attr.getAttrValues().getObjectAt(0);
      } else {
        throw malformed(
            "CMS signedAttrs must hold exactly contentType and messageDigest; got "
                + type.getId()
                + " in position "
                + i);
      }
    }
    if (!STATEMENT_TYPE.equals(contentType)) {
      throw malformed(
          "CMS signed attribute contentType must equal eContentType "
              + STATEMENT_TYPE.getId()
              + "; got "
              + contentType);
    }
    byte[] digest = EcdsaSignatures.digest(algorithm, eContent);
    if (!(messageDigest instanceof ASN1OctetString md) || !Arrays.equals(md.getOctets(), digest)) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_SIGNATURE_INVALID,
          "CMS signed attribute messageDigest must equal "
              + algorithm.jcaDigest
              + " of eContent "
              + new DEROctetString(digest)
              + "; got "
              + messageDigest);
    }
  }

  private static void checkKeyBinding(SubjectPublicKeyInfo attestedKey, EcKey csrKey)
      throws EnrollmentRejectedException {
    EcKey attested =
        EcKey.decode(
            attestedKey,
            "KeyAttestation.attestedKey",
            ReasonCode.ATTESTATION_MALFORMED,
            ReasonCode.ATTESTATION_KEY_MISMATCH,
            ALL_CURVES);
    if (!attested.sameKeyAs(csrKey)) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_KEY_MISMATCH,
          "KeyAttestation.attestedKey must be the CSR's "
              + csrKey.curveName()
              + " key; got a different "
              + attested.curveName()
              + " key");
    }
  }

  private static void checkKeyProperties(KeyAttestation content)
      throws EnrollmentRejectedException {
    if (!content.generatedOnCard() || content.exportable()) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_KEY_PROPERTIES_INSUFFICIENT,
          "KeyAttestation.keyProperties must be generatedOnCard TRUE and exportable FALSE; got"
              + " generatedOnCard "
              + content.generatedOnCard()
              + ", exportable "
              + content.exportable());
    }
  }

  static SubjectPublicKeyInfo subjectPublicKeyInfo(X509Certificate cert) {
    return Certificate.getInstance(AttestationStatement.encoded(cert)).getSubjectPublicKeyInfo();
  }

  private static EnrollmentRejectedException malformed(String message) {
    return AttestationStatement.malformed(message);
  }

  private static EnrollmentRejectedException malformed(String message, Exception cause) {
    return AttestationStatement.malformed(message, cause);
  }
}
