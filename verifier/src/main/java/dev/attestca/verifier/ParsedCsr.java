package dev.attestca.verifier;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A PKCS#10 request (RFC 2986) that is DER, version 0, carries an allowed EC key and verifies with
 * it.
 *
 * @param csr the request
 * @param key the request's validated key
 * @param requestedExtensions the extensionRequest attribute's extensions, in order
 * @param attestationAttributes the value sets of all attestation attributes
 *     (1.2.840.113549.1.9.16.2.59), one entry per attribute
 */
record ParsedCsr(
    PKCS10CertificationRequest csr,
    EcKey key,
    List<Extension> requestedExtensions,
    List<ASN1Set> attestationAttributes) {

  /** {@code id-aa-attestation} of draft-ietf-lamps-csr-attestation. */
  static final ASN1ObjectIdentifier ID_AA_ATTESTATION = PKCSObjectIdentifiers.id_aa.branch("59");

  /** Parses and checks a request: DER, version, key, signature algorithm, self-signature. */
  static ParsedCsr parse(byte[] der, VerificationPolicy policy, EcdsaSignatures signatures)
      throws EnrollmentRejectedException {
    ASN1Primitive value = Der.decode(der, ReasonCode.CSR_MALFORMED, "CSR");
    CertificationRequest request;
    try {
      request = CertificationRequest.getInstance(value);
    } catch (IllegalArgumentException e) {
      throw new EnrollmentRejectedException(
          ReasonCode.CSR_MALFORMED,
          "CSR must be a PKCS#10 CertificationRequest; " + e.getMessage(),
          e);
    }
    CertificationRequestInfo info = request.getCertificationRequestInfo();
    if (info.getVersion().intValueExact() != 0) {
      throw new EnrollmentRejectedException(
          ReasonCode.CSR_MALFORMED,
          "CSR version must be 0 (v1); got " + info.getVersion().getValue());
    }
    EcKey key =
        EcKey.decode(
            info.getSubjectPublicKeyInfo(),
            "CSR subjectPublicKeyInfo",
            ReasonCode.CSR_MALFORMED,
            ReasonCode.KEY_ALGORITHM_NOT_ALLOWED,
            policy.allowedCurves());
    EcdsaAlgorithm algorithm = EcdsaAlgorithm.bySignatureAlgorithm(request.getSignatureAlgorithm());
    if (algorithm == null) {
      throw new EnrollmentRejectedException(
          ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
          "CSR signatureAlgorithm must be ecdsa-with-SHA256 or ecdsa-with-SHA384 without"
              + " parameters; got "
              + EcdsaAlgorithm.describe(request.getSignatureAlgorithm()));
    }
    if (request.getSignature().getPadBits() != 0) {
      throw new EnrollmentRejectedException(
          ReasonCode.CSR_SIGNATURE_INVALID, "CSR signature must have 0 unused bits");
    }
    signatures.verifyDer(
        key,
        algorithm,
        Der.encode(info),
        request.getSignature().getOctets(),
        ReasonCode.CSR_SIGNATURE_INVALID,
        "CSR signature");
    List<ASN1Set> attestations = new ArrayList<>();
    List<Extension> extensions = new ArrayList<>();
    int extensionRequests = 0;
    ASN1Set attributes = info.getAttributes();
    for (int i = 0; attributes != null && i < attributes.size(); i++) {
      Attribute attribute = attributeAt(attributes, i);
      if (ID_AA_ATTESTATION.equals(attribute.getAttrType())) {
        attestations.add(attribute.getAttrValues());
      } else if (PKCSObjectIdentifiers.pkcs_9_at_extensionRequest.equals(attribute.getAttrType())) {
        extensionRequests++;
        extensions.addAll(extensionsOf(attribute, extensionRequests));
      }
    }
    return new ParsedCsr(new PKCS10CertificationRequest(request), key, extensions, attestations);
  }

  private static Attribute attributeAt(ASN1Set attributes, int i)
      throws EnrollmentRejectedException {
    try {
      return Attribute.getInstance(attributes.getObjectAt(i));
    } catch (IllegalArgumentException e) {
      throw new EnrollmentRejectedException(
          ReasonCode.CSR_MALFORMED, "CSR attribute " + i + " must be an Attribute", e);
    }
  }

  private static List<Extension> extensionsOf(Attribute attribute, int count)
      throws EnrollmentRejectedException {
    if (count > 1 || attribute.getAttrValues().size() != 1) {
      throw new EnrollmentRejectedException(
          ReasonCode.CSR_MALFORMED,
          "CSR extensionRequest must appear once with one value; got attribute "
              + count
              + " with "
              + attribute.getAttrValues().size()
              + " values");
    }
    try {
      Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
      List<Extension> list = new ArrayList<>();
      for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
        list.add(extensions.getExtension(oid));
      }
      return list;
    } catch (IllegalArgumentException e) {
      throw new EnrollmentRejectedException(
          ReasonCode.CSR_MALFORMED,
          "CSR extensionRequest value must be Extensions; " + e.getMessage(),
          e);
    }
  }
}
