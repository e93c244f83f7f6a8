package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;

/**
 * Checks an OpenID4VCI key attestation JWS against docs/attestation-format.md with Nimbus JOSE+JWT,
 * and verifies its signature with the JDK's provider and with Bouncy Castle.
 */
final class JwsAttestationChecks {
  private JwsAttestationChecks() {}

  static JWSObject check(
      String compact, X509Certificate signer, ECPublicKey attestedKey, String nonce, long iat)
      throws Exception {
    JWSObject jws = JWSObject.parse(compact);
    assertEquals(JWSAlgorithm.ES256, jws.getHeader().getAlgorithm());
    assertEquals(new JOSEObjectType("key-attestation+jwt"), jws.getHeader().getType());
    assertEquals(1, jws.getHeader().getX509CertChain().size());
    assertArrayEquals(signer.getEncoded(), jws.getHeader().getX509CertChain().get(0).decode());
    assertEquals(
        Map.of(
            "alg", "ES256",
            "typ", "key-attestation+jwt",
            "x5c", List.of(jws.getHeader().getX509CertChain().get(0).toString())),
        jws.getHeader().toJSONObject(),
        "no other header parameters");

    ECDSAVerifier jdk = new ECDSAVerifier((ECPublicKey) signer.getPublicKey());
    assertTrue(jws.verify(jdk), "JWS signature, Nimbus with the JDK provider");
    ECDSAVerifier bc = new ECDSAVerifier((ECPublicKey) signer.getPublicKey());
    bc.getJCAContext().setProvider(Verify.BC);
    assertTrue(jws.verify(bc), "JWS signature, Nimbus with Bouncy Castle");
    assertEquals(64, jws.getSignature().decode().length, "ES256 signatures are r || s");

    Map<String, Object> claims = jws.getPayload().toJSONObject();
    assertEquals(
        List.of("iat", "attested_keys", "key_storage", "user_authentication", "nonce"),
        List.copyOf(claims.keySet()));
    assertEquals(iat, ((Number) claims.get("iat")).longValue());
    assertEquals(nonce, claims.get("nonce"));
    assertEquals(List.of("iso_18045_high"), claims.get("key_storage"));
    assertEquals(List.of("iso_18045_moderate"), claims.get("user_authentication"));
    List<?> keys = (List<?>) claims.get("attested_keys");
    assertEquals(1, keys.size());
    @SuppressWarnings("unchecked")
    ECKey jwk = ECKey.parse((Map<String, Object>) keys.get(0));
    assertNull(jwk.getKeyID());
    assertEquals(attestedKey, jwk.toECPublicKey(), "attested_keys[0] is the slot's key");
    assertEquals(
        Base64URL.encode(jwk.getX().decode()).toString(),
        ((Map<?, ?>) keys.get(0)).get("x"),
        "x is unpadded base64url of the fixed-length coordinate");
    return jws;
  }
}
