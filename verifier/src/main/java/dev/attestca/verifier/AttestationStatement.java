package dev.attestca.verifier;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * The one attestation statement of a request, found in the CSR attribute or the detached field
 * (draft-ietf-lamps-csr-attestation: AttestationBundle, and the earlier EvidenceBundle whose
 * statements may carry a {@code hint}).
 *
 * @param type the statement type OID
 * @param statement the statement value, as defined by its type
 * @param bundleCertificates the X.509 certificates of the bundle's {@code certs}, which only help
 *     path building
 * @param source where the statement came from, for messages
 */
record AttestationStatement(
    ASN1ObjectIdentifier type,
    ASN1Encodable statement,
    List<X509Certificate> bundleCertificates,
    String source) {

  private static final int MAX_STATEMENT_FIELDS = 5;

  /**
   * Finds the attestation: at most one CSR attribute holding one value, or the detached field, not
   * both.
   */
  static Optional<AttestationStatement> locate(ParsedCsr csr, byte[] detached)
      throws EnrollmentRejectedException {
    List<ASN1Set> attributes = csr.attestationAttributes();
    if (attributes.size() > 1) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_AMBIGUOUS,
          "CSR attribute 1.2.840.113549.1.9.16.2.59 must appear at most once; got "
              + attributes.size());
    }
    if (attributes.size() == 1 && attributes.get(0).size() != 1) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_AMBIGUOUS,
          "CSR attribute 1.2.840.113549.1.9.16.2.59 must hold exactly one value; got "
              + attributes.get(0).size());
    }
    if (attributes.size() == 1 && detached != null) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_AMBIGUOUS,
          "attestation must be sent either in the CSR attribute or in the detached field; got"
              + " both");
    }
    if (attributes.size() == 1) {
      return Optional.of(
          fromBundle(attributes.get(0).getObjectAt(0).toASN1Primitive(), "CSR attribute"));
    }
    if (detached == null) {
      return Optional.empty();
    }
    ASN1Primitive value =
        Der.decode(detached, ReasonCode.ATTESTATION_MALFORMED, "detached attestation");
    if (value instanceof ASN1Sequence seq
        && seq.size() > 0
        && seq.getObjectAt(0) instanceof ASN1ObjectIdentifier) {
      return Optional.of(
          new AttestationStatement(
              CmsKeyAttestationFormat.STATEMENT_TYPE, value, List.of(), "detached ContentInfo"));
    }
    return Optional.of(fromBundle(value, "detached AttestationBundle"));
  }

  private static AttestationStatement fromBundle(ASN1Primitive value, String source)
      throws EnrollmentRejectedException {
    String field = source + " AttestationBundle";
    if (!(value instanceof ASN1Sequence bundle) || bundle.size() < 1 || bundle.size() > 2) {
      throw malformed(field + " must be a SEQUENCE of attestations and optional certs");
    }
    if (!(bundle.getObjectAt(0) instanceof ASN1Sequence statements) || statements.size() < 1) {
      throw malformed(field + ".attestations must be a non-empty SEQUENCE OF statements");
    }
    if (statements.size() != 1) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_AMBIGUOUS,
          field + ".attestations must hold exactly one statement; got " + statements.size());
    }
    List<X509Certificate> certs = List.of();
    if (bundle.size() == 2) {
      certs = certificates(bundle.getObjectAt(1), field + ".certs");
    }
    ASN1Encodable statement = statements.getObjectAt(0);
    String stmtField = field + ".attestations[0]";
    if (!(statement instanceof ASN1Sequence seq)
        || seq.size() < 2
        || seq.size() > MAX_STATEMENT_FIELDS
        || !(seq.getObjectAt(0) instanceof ASN1ObjectIdentifier type)) {
      throw malformed(stmtField + " must be a SEQUENCE { type OBJECT IDENTIFIER, stmt ANY, ... }");
    }
    for (int i = 2; i < seq.size(); i++) {
      ASN1Encodable extra = seq.getObjectAt(i);
      boolean hint = i == 2 && extra instanceof ASN1IA5String;
      boolean tagged =
          extra instanceof ASN1TaggedObject t
              && t.getTagClass() == BERTags.CONTEXT_SPECIFIC
              && t.getTagNo() <= 1;
      if (!hint && !tagged) {
        throw malformed(
            stmtField
                + " field "
                + i
                + " must be a hint IA5String or a [0]/[1] field of the draft; got "
                + extra.toASN1Primitive().getClass().getSimpleName());
      }
    }
    return new AttestationStatement(type, seq.getObjectAt(1), certs, source);
  }

  private static List<X509Certificate> certificates(ASN1Encodable value, String field)
      throws EnrollmentRejectedException {
    if (!(value instanceof ASN1Sequence seq) || seq.size() < 1) {
      throw malformed(field + " must be a non-empty SEQUENCE OF CertificateChoices when present");
    }
    List<X509Certificate> certs = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      ASN1Encodable choice = seq.getObjectAt(i);
      if (choice instanceof ASN1Sequence) {
        certs.add(certificate(Der.encode(choice), field + "[" + i + "]"));
      }
    }
    return certs;
  }

  /** Decodes one X.509 certificate with the library's Bouncy Castle instance. */
  static X509Certificate certificate(byte[] der, String field) throws EnrollmentRejectedException {
    try {
      CertificateFactory factory =
          CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw malformed(field + " must be an X.509 certificate; " + e.getMessage(), e);
    }
  }

  static EnrollmentRejectedException malformed(String message) {
    return new EnrollmentRejectedException(ReasonCode.ATTESTATION_MALFORMED, message);
  }

  static EnrollmentRejectedException malformed(String message, Exception cause) {
    return new EnrollmentRejectedException(ReasonCode.ATTESTATION_MALFORMED, message, cause);
  }

  static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("a decoded certificate cannot be re-encoded", e);
    }
  }
}
