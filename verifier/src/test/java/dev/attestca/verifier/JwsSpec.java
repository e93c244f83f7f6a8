package dev.attestca.verifier;

import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.DEROctetString;

/**
 * An OpenID4VCI key attestation JWS written member by member, so that a test can change exactly
 * one. The defaults give a valid attestation of {@link TestPki#deviceKey}, signed with ES256 by the
 * attestation certificate's key, carrying the x5c chain.
 */
final class JwsSpec {
  static final String NONCE = "c_nonce-7f3a";

  final Map<String, Object> header = new LinkedHashMap<>();
  final Map<String, Object> claims = new LinkedHashMap<>();
  PrivateKey signingKey;
  String signatureName = "SHA256withECDSA";
  int rawSignatureLength = 64;
  boolean derSignature;
  UnaryOperator<byte[]> signatureMutation = UnaryOperator.identity();
  String payloadOverride;

  JwsSpec(TestPki pki) {
    header.put("alg", "ES256");
    header.put("typ", "key-attestation+jwt");
    header.put("x5c", x5c(pki.attestationCert));
    long now = TestPki.NOW.getEpochSecond();
    claims.put("iat", now - 60);
    claims.put("exp", now + 3600);
    claims.put("attested_keys", List.of(jwk(pki.deviceKey)));
    claims.put("key_storage", List.of("iso_18045_high"));
    claims.put("user_authentication", List.of("iso_18045_moderate"));
    claims.put("nonce", NONCE);
    signingKey = pki.attestationKey.getPrivate();
  }

  static List<String> x5c(X509Certificate... certs) {
    List<String> list = new ArrayList<>();
    for (X509Certificate cert : certs) {
      try {
        list.add(Base64.encode(cert.getEncoded()).toString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return list;
  }

  static Map<String, Object> jwk(KeyPair key) {
    ECPublicKey pub = (ECPublicKey) key.getPublic();
    return new ECKey.Builder(Curve.forECParameterSpec(pub.getParams()), pub).build().toJSONObject();
  }

  String compact() {
    try {
      String h = Base64URL.encode(JSONObjectUtils.toJSONString(header)).toString();
      String p =
          Base64URL.encode(
                  payloadOverride != null ? payloadOverride : JSONObjectUtils.toJSONString(claims))
              .toString();
      Signature signer = Signature.getInstance(signatureName, TestPki.BC);
      signer.initSign(signingKey);
      signer.update((h + "." + p).getBytes(StandardCharsets.US_ASCII));
      byte[] der = signer.sign();
      byte[] sig = derSignature ? der : ECDSA.transcodeSignatureToConcat(der, rawSignatureLength);
      return h + "." + p + "." + Base64URL.encode(signatureMutation.apply(sig));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The statement value: the compact JWS as UTF-8 in an OCTET STRING. */
  DEROctetString statement() {
    return new DEROctetString(compact().getBytes(StandardCharsets.UTF_8));
  }
}
