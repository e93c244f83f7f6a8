package dev.attestca.verifier;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Builds CSRs and AttestationBundles for tests, with Bouncy Castle's PKCS#10 builder. */
final class Requests {
  static final ASN1ObjectIdentifier ID_AA_ATTESTATION =
      new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.59");

  private Requests() {}

  /** An AttestationBundle with one statement and, when given, certs. */
  static ASN1Encodable bundle(
      ASN1ObjectIdentifier type, ASN1Encodable statement, X509Certificate... certs) {
    return bundleOf(List.of(new DERSequence(new ASN1Encodable[] {type, statement})), certs);
  }

  static ASN1Encodable bundleOf(List<ASN1Encodable> statements, X509Certificate... certs) {
    ASN1EncodableVector fields = new ASN1EncodableVector();
    fields.add(new DERSequence(statements.toArray(new ASN1Encodable[0])));
    if (certs.length > 0) {
      ASN1EncodableVector certSeq = new ASN1EncodableVector();
      for (X509Certificate cert : certs) {
        try {
          certSeq.add(Certificate.getInstance(cert.getEncoded()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      fields.add(new DERSequence(certSeq));
    }
    return new DERSequence(fields);
  }

  /** A CSR specification; defaults sign with the subject key and carry no attributes. */
  static final class Csr {
    KeyPair key;
    PrivateKey signingKey;
    String signatureName = "SHA256withECDSA";
    String subject = "CN=device-0001";
    final List<ASN1Encodable[]> attestationAttributes = new ArrayList<>();
    Extensions extensions;

    Csr(KeyPair key) {
      this.key = key;
      this.signingKey = key.getPrivate();
    }

    /** Adds one attestation attribute with the given values. */
    Csr attestation(ASN1Encodable... values) {
      attestationAttributes.add(values);
      return this;
    }

    byte[] encoded() {
      try {
        PKCS10CertificationRequestBuilder builder =
            new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic());
        for (ASN1Encodable[] values : attestationAttributes) {
          builder.addAttribute(ID_AA_ATTESTATION, values);
        }
        if (extensions != null) {
          builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions);
        }
        return builder
            .build(
                new JcaContentSignerBuilder(signatureName)
                    .setProvider(TestPki.BC)
                    .build(signingKey))
            .getEncoded();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
