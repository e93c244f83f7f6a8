package dev.attestca.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * Builds a PKCS#10 request whose signature comes from the card and which carries the card's
 * attestation in the attribute of draft-ietf-lamps-csr-attestation.
 */
public final class CardCsr {

  /** The CSR attribute that carries attestations (id-aa 59). */
  public static final ASN1ObjectIdentifier ATTESTATION_ATTRIBUTE =
      new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.59");

  /** The statement type of the AttestCA CMS key attestation. */
  public static final ASN1ObjectIdentifier KEY_ATTESTATION_TYPE =
      new ASN1ObjectIdentifier("2.25.174822898292409921572471212881234464813.1.1");

  /** The statement type of the AttestCA JWS key attestation (OpenID4VCI 1.0 Appendix D). */
  public static final ASN1ObjectIdentifier KEY_ATTESTATION_JWS_TYPE =
      new ASN1ObjectIdentifier("2.25.174822898292409921572471212881234464813.1.2");

  /** Signs the to-be-signed bytes of a request, returning a DER ECDSA-SHA256 signature. */
  @FunctionalInterface
  public interface CardSigner {
    byte[] sign(byte[] toBeSigned) throws Exception;
  }

  private CardCsr() {}

  /**
   * Builds and signs a request.
   *
   * @param subject the requested subject name
   * @param publicKey the card key the request is for
   * @param signer signs with the card key
   * @param attestationBundle the attribute value to attach, or null for a request without one
   */
  public static PKCS10CertificationRequest build(
      X500Name subject, ECPublicKey publicKey, CardSigner signer, ASN1Primitive attestationBundle) {
    PKCS10CertificationRequestBuilder builder =
        new PKCS10CertificationRequestBuilder(
            subject, SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()));
    if (attestationBundle != null) {
      builder.addAttribute(ATTESTATION_ATTRIBUTE, attestationBundle);
    }
    return builder.build(new CardContentSigner(signer));
  }

  /**
   * An AttestationBundle with one statement of our CMS type and, when given, the attestation
   * certificates.
   */
  public static ASN1Primitive attestationBundle(
      byte[] cmsContentInfo, List<X509Certificate> certs) {
    try {
      return bundle(KEY_ATTESTATION_TYPE, ASN1Primitive.fromByteArray(cmsContentInfo), certs);
    } catch (IOException e) {
      throw new IllegalArgumentException("the card's attestation is not DER", e);
    }
  }

  /**
   * An AttestationBundle with one statement holding a compact JWS key attestation and, when given,
   * the attestation certificates.
   */
  public static ASN1Primitive jwsAttestationBundle(String compactJws, List<X509Certificate> certs) {
    return bundle(
        KEY_ATTESTATION_JWS_TYPE,
        new DEROctetString(compactJws.getBytes(StandardCharsets.UTF_8)),
        certs);
  }

  private static ASN1Primitive bundle(
      ASN1ObjectIdentifier type, ASN1Encodable statement, List<X509Certificate> certs) {
    ASN1EncodableVector bundle = new ASN1EncodableVector();
    bundle.add(new DERSequence(new DERSequence(new ASN1Encodable[] {type, statement})));
    if (!certs.isEmpty()) {
      ASN1EncodableVector encoded = new ASN1EncodableVector();
      for (X509Certificate certificate : certs) {
        try {
          encoded.add(Certificate.getInstance(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
          throw new IllegalArgumentException("attestation certificate does not encode", e);
        }
      }
      bundle.add(new DERSequence(encoded));
    }
    return new DERSequence(bundle);
  }

  /** Bouncy Castle's signer interface over a card that signs whole messages. */
  private static final class CardContentSigner implements ContentSigner {
    private final CardSigner signer;
    private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

    CardContentSigner(CardSigner signer) {
      this.signer = signer;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    }

    @Override
    public OutputStream getOutputStream() {
      return toBeSigned;
    }

    @Override
    public byte[] getSignature() {
      try {
        return signer.sign(toBeSigned.toByteArray());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new UncheckedIOException(new IOException("the card did not sign the request", e));
      }
    }
  }
}
