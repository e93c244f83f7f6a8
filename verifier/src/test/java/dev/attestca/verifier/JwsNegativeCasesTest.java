package dev.attestca.verifier;

import static dev.attestca.verifier.NegativeCase.row;
import static dev.attestca.verifier.Scenarios.PKI;
import static dev.attestca.verifier.Scenarios.csrWithBundle;
import static dev.attestca.verifier.Scenarios.jws;
import static dev.attestca.verifier.Scenarios.jwsPolicy;
import static dev.attestca.verifier.Scenarios.request;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenID4VCI key attestation JWS: header, signature, x5c chain and claims. */
class JwsNegativeCasesTest {
  private static final long NOW = TestPki.NOW.getEpochSecond();

  static Stream<Arguments> cases() {
    return NegativeCase.withProviders(rows());
  }

  /** The rows of this step, each a bad request and the code it must be rejected with. */
  static Stream<NegativeCase> rows() {
    return Stream.of(
        row(
            "JWS alg none",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () -> jws(s -> s.header.put("alg", "none"))),
        row(
            "JWS alg HS256 (a MAC)",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () -> jws(s -> s.header.put("alg", "HS256"))),
        row(
            "JWS alg RS256",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () -> jws(s -> s.header.put("alg", "RS256"))),
        row(
            "JWS alg ES512",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () -> jws(s -> s.header.put("alg", "ES512"))),
        row(
            "JWS alg ES384 with a P-256 x5c key",
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            () -> jws(s -> s.header.put("alg", "ES384"))),
        row(
            "JWS typ JWT",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jws(s -> s.header.put("typ", "JWT"))),
        row(
            "JWS typ absent",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jws(s -> s.header.remove("typ"))),
        row(
            "JWS crit names an unknown parameter",
            ReasonCode.ATTESTATION_FORMAT_UNSUPPORTED,
            () ->
                jws(
                    s -> {
                      s.header.put("crit", List.of("urn:example:policy"));
                      s.header.put("urn:example:policy", "x");
                    })),
        row(
            "JWS header carries a jwk of the attacker's choice",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jws(s -> s.header.put("jwk", JwsSpec.jwk(TestPki.ec("secp256r1"))))),
        row(
            "JWS header without x5c",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jws(s -> s.header.remove("x5c"))),
        row(
            "JWS signature DER-encoded instead of r || s",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () -> jws(s -> s.derSignature = true)),
        row(
            "JWS signature one byte short",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () -> jws(s -> s.signatureMutation = sig -> Arrays.copyOf(sig, 63))),
        row(
            "JWS signature with r = 0",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () ->
                jws(
                    s ->
                        s.signatureMutation =
                            sig -> {
                              byte[] z = sig.clone();
                              Arrays.fill(z, 0, 32, (byte) 0);
                              return z;
                            })),
        row(
            "JWS signed by a key other than x5c[0]",
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            () -> jws(s -> s.signingKey = TestPki.ec("secp256r1").getPrivate())),
        row(
            "JWS x5c from an untrusted CA",
            ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
            () -> {
              KeyPair key = TestPki.ec("secp256r1");
              X509Certificate cert =
                  TestPki.endEntity(
                      "CN=Rogue Wallet", key, PKI.untrustedRoot, PKI.untrustedKey, b -> {});
              return jws(new Scenarios.Chain(key, cert, List.of(PKI.untrustedRoot))::applyTo);
            }),
        row(
            "JWS exp before the clock's time",
            ReasonCode.ATTESTATION_EXPIRED,
            () -> jws(s -> s.claims.put("exp", NOW - 1))),
        row(
            "JWS iat ten minutes in the future",
            ReasonCode.ATTESTATION_EXPIRED,
            () -> jws(s -> s.claims.put("iat", NOW + 600))),
        row(
            "JWS iat absent",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jws(s -> s.claims.remove("iat"))),
        row(
            "JWS attested_keys absent",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jws(s -> s.claims.remove("attested_keys"))),
        row(
            "JWS attested_keys without the CSR key",
            ReasonCode.ATTESTATION_KEY_MISMATCH,
            () ->
                jws(
                    s ->
                        s.claims.put(
                            "attested_keys", List.of(JwsSpec.jwk(TestPki.ec("secp256r1")))))),
        row(
            "JWS attested_keys carries a private key",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jws(s -> s.claims.put("attested_keys", List.of(privateJwk())))),
        row(
            "JWS key_storage moderate below the profile's high",
            ReasonCode.ATTESTATION_KEY_PROPERTIES_INSUFFICIENT,
            () -> jws(s -> s.claims.put("key_storage", List.of("iso_18045_moderate")))),
        row(
            "JWS key_storage absent",
            ReasonCode.ATTESTATION_KEY_PROPERTIES_INSUFFICIENT,
            () -> jws(s -> s.claims.remove("key_storage"))),
        row(
            "JWS user_authentication basic below the profile's moderate",
            ReasonCode.ATTESTATION_KEY_PROPERTIES_INSUFFICIENT,
            () ->
                jws(
                    s -> s.claims.put("user_authentication", List.of("iso_18045_basic")),
                    jwsPolicy().minimumUserAuthentication(AttackPotential.MODERATE).build())),
        row(
            "JWS without nonce on a nonce-requiring profile",
            ReasonCode.NONCE_MISSING,
            () -> jws(s -> s.claims.remove("nonce"))),
        row(
            "JWS payload is not JSON",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jws(s -> s.payloadOverride = "not json")),
        row(
            "JWS statement is an INTEGER instead of an OCTET STRING",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jwsStatement(new ASN1Integer(5))),
        row(
            "JWS statement is not UTF-8",
            ReasonCode.ATTESTATION_MALFORMED,
            () -> jwsStatement(new DEROctetString(new byte[] {(byte) 0xc3, 0x28}))),
        row(
            "JWS statement holds a five-part JWE",
            ReasonCode.ATTESTATION_MALFORMED,
            () ->
                jwsStatement(
                    new DEROctetString(
                        "eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("cases")
  void rejected(NegativeCase row, EnrollmentVerifier verifier) throws Exception {
    row.assertRejectedBy(verifier);
  }

  static NegativeCase.Request jwsStatement(org.bouncycastle.asn1.ASN1Encodable statement) {
    return request(
        csrWithBundle(Requests.bundle(JwsKeyAttestationFormat.STATEMENT_TYPE, statement)),
        null,
        jwsPolicy().build());
  }

  static Map<String, Object> privateJwk() {
    java.security.interfaces.ECPublicKey pub =
        (java.security.interfaces.ECPublicKey) PKI.deviceKey.getPublic();
    Map<String, Object> jwk =
        new LinkedHashMap<>(
            new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, pub)
                .privateKey(PKI.deviceKey.getPrivate())
                .build()
                .toJSONObject());
    return jwk;
  }
}
