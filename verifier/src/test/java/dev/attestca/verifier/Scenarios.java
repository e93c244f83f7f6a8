package dev.attestca.verifier;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.interfaces.ECPublicKey;

/** Request builders shared by the negative-case tables. */
final class Scenarios {
  static final TestPki PKI = TestPki.INSTANCE;

  private Scenarios() {}

  static NegativeCase.Request request(byte[] csr, byte[] detached, VerificationPolicy policy) {
    return new NegativeCase.Request(csr, detached, policy, new RecordingNonces());
  }

  static NegativeCase.Request csrOnly(byte[] csr) {
    return request(csr, null, PKI.policy().build());
  }

  static byte[] csrWithBundle(ASN1Encodable bundle) {
    return new Requests.Csr(PKI.deviceKey).attestation(bundle).encoded();
  }

  static NegativeCase.Request cms(Consumer<CmsSpec> change) {
    return cms(change, PKI.policy().build());
  }

  static NegativeCase.Request cms(Consumer<CmsSpec> change, VerificationPolicy policy) {
    CmsSpec spec = new CmsSpec(PKI);
    change.accept(spec);
    byte[] csr =
        csrWithBundle(Requests.bundle(CmsKeyAttestationFormat.STATEMENT_TYPE, spec.contentInfo()));
    return request(csr, null, policy);
  }

  static VerificationPolicy.Builder jwsPolicy() {
    return PKI.policy()
        .acceptedFormats(List.of(VerificationPolicy.FORMAT_CMS, VerificationPolicy.FORMAT_JWS));
  }

  static NegativeCase.Request jws(Consumer<JwsSpec> change) {
    return jws(change, jwsPolicy().build());
  }

  static NegativeCase.Request jws(Consumer<JwsSpec> change, VerificationPolicy policy) {
    JwsSpec spec = new JwsSpec(PKI);
    change.accept(spec);
    byte[] csr =
        csrWithBundle(Requests.bundle(JwsKeyAttestationFormat.STATEMENT_TYPE, spec.statement()));
    return request(csr, null, policy);
  }

  /** A signer certificate with its key and the certificates sent beside it. */
  record Chain(KeyPair key, X509Certificate signer, List<X509Certificate> bag) {
    void applyTo(CmsSpec spec) {
      spec.sidCertificate = signer;
      spec.signingKey = key.getPrivate();
      List<X509Certificate> certs = new ArrayList<>(List.of(signer));
      certs.addAll(bag);
      spec.certificates = certs;
    }

    void applyTo(JwsSpec spec) {
      spec.signingKey = key.getPrivate();
      List<X509Certificate> certs = new ArrayList<>(List.of(signer));
      certs.addAll(bag);
      spec.header.put("x5c", JwsSpec.x5c(certs.toArray(new X509Certificate[0])));
    }
  }

  /** A signer certificate issued directly by the trusted root. */
  static Chain signedByRoot(Consumer<org.bouncycastle.cert.X509v3CertificateBuilder> customise) {
    KeyPair key = TestPki.ec("secp256r1");
    X509Certificate cert =
        TestPki.endEntity("CN=Build Under Test", key, PKI.root, PKI.rootKey, customise);
    return new Chain(key, cert, List.of());
  }

  /** A CSR written field by field: any version and any SubjectPublicKeyInfo. */
  static byte[] rawCsr(int version, SubjectPublicKeyInfo spki, PrivateKey signingKey) {
    try {
      DERSequence info =
          new DERSequence(
              new ASN1Encodable[] {
                new ASN1Integer(version),
                new X500Name("CN=device-raw"),
                spki,
                new DERTaggedObject(false, 0, new DERSet())
              });
      Signature signer = Signature.getInstance("SHA256withECDSA", TestPki.BC);
      signer.initSign(signingKey);
      signer.update(CmsSpec.der(info));
      return CmsSpec.der(
          new DERSequence(
              new ASN1Encodable[] {
                info,
                new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256),
                new DERBitString(signer.sign())
              }));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The device key with explicit curve parameters instead of the named curve. */
  static SubjectPublicKeyInfo explicitParameters(KeyPair key) {
    X9ECParameters params = ECNamedCurveTable.getByName("prime256v1");
    return new SubjectPublicKeyInfo(
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(params)),
        ((ECPublicKey) key.getPublic()).getQ().getEncoded(false));
  }

  static SubjectPublicKeyInfo compressed(KeyPair key) {
    SubjectPublicKeyInfo named = TestPki.spki(key);
    return new SubjectPublicKeyInfo(
        named.getAlgorithm(), ((ECPublicKey) key.getPublic()).getQ().getEncoded(true));
  }

  static SubjectPublicKeyInfo offCurve(KeyPair key) {
    SubjectPublicKeyInfo named = TestPki.spki(key);
    byte[] point = named.getPublicKeyData().getOctets();
    point[point.length - 1] ^= 0x01;
    return new SubjectPublicKeyInfo(named.getAlgorithm(), point);
  }

  /** The same value with an indefinite outer length (BER). */
  static byte[] indefiniteLength(byte[] der) {
    int offset = contentOffset(der);
    byte[] ber = new byte[2 + der.length - offset + 2];
    ber[0] = der[0];
    ber[1] = (byte) 0x80;
    System.arraycopy(der, offset, ber, 2, der.length - offset);
    return ber;
  }

  /** The same value with a non-minimal four-byte outer length. */
  static byte[] longFormLength(byte[] der) {
    int offset = contentOffset(der);
    int length = der.length - offset;
    byte[] ber = new byte[6 + length];
    ber[0] = der[0];
    ber[1] = (byte) 0x84;
    ber[2] = (byte) (length >>> 24);
    ber[3] = (byte) (length >>> 16);
    ber[4] = (byte) (length >>> 8);
    ber[5] = (byte) length;
    System.arraycopy(der, offset, ber, 6, length);
    return ber;
  }

  static byte[] withTrailingByte(byte[] der) {
    byte[] longer = java.util.Arrays.copyOf(der, der.length + 1);
    return longer;
  }

  private static int contentOffset(byte[] der) {
    return (der[1] & 0x80) == 0 ? 2 : 2 + (der[1] & 0x7f);
  }

  /** Re-encodes an ECDSA DER signature with r or s replaced. */
  static byte[] ecdsaSignature(java.math.BigInteger r, java.math.BigInteger s) {
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(r));
    v.add(new ASN1Integer(s));
    return CmsSpec.der(new DERSequence(v));
  }

  static java.math.BigInteger[] rs(byte[] der) {
    org.bouncycastle.asn1.ASN1Sequence seq = org.bouncycastle.asn1.ASN1Sequence.getInstance(der);
    return new java.math.BigInteger[] {
      ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
      ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()
    };
  }

  static final java.math.BigInteger P256_ORDER = ECNamedCurveTable.getByName("prime256v1").getN();
}
