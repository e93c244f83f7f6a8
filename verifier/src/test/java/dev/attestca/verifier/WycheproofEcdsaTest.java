package dev.attestca.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof ECDSA P-256/P-384 vectors (C2SP/wycheproof, testvectors_v1, read from the shared
 * real-world folder) run through the production verification code: {@link
 * EcdsaSignatures#verifyDer} for the DER files (the CSR and CMS path) and {@link
 * EcdsaSignatures#verifyJose} (Nimbus) for the P1363 files (the JWS path), under SunEC and a Bouncy
 * Castle instance. Every verdict must agree: "valid" verifies, "invalid" is rejected, and
 * "acceptable" (none in these files) is held to the strict rule and must be rejected, since the
 * verifier accepts only strict encodings.
 *
 * <p>One known exception, measured on JDK 17.0.15: SunEC rejects the two valid vectors per file
 * whose {@code k*G} has an x-coordinate of at least n (the reduction edge case). That is a false
 * rejection, which fails closed; the verifier's default provider, Bouncy Castle, agrees with every
 * vector. The test allows exactly these SunEC false rejections and nothing else.
 */
class WycheproofEcdsaTest {
  private static final Set<String> ALL_CURVES =
      Set.of(VerificationPolicy.CURVE_P256, VerificationPolicy.CURVE_P384);

  /** Wycheproof comments of valid vectors that SunEC on JDK 17 rejects (see class doc). */
  private static final List<String> SUNEC_FALSE_REJECTIONS =
      List.of("k*G has a large x-coordinate", "is the smallest possible x with a reduction");

  static Stream<Arguments> files() {
    List<Arguments> rows = new ArrayList<>();
    for (String file :
        List.of(
            "ecdsa_secp256r1_sha256_test.json",
            "ecdsa_secp384r1_sha384_test.json",
            "ecdsa_secp256r1_sha256_p1363_test.json",
            "ecdsa_secp384r1_sha384_p1363_test.json")) {
      rows.add(Arguments.of(file, "Bouncy Castle", TestPki.BC));
      rows.add(Arguments.of(file, "SunEC", Security.getProvider("SunEC")));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("files")
  void everyVectorVerdictAgrees(String file, String providerName, Provider provider)
      throws Exception {
    Path path =
        Path.of(System.getProperty("attestca.shared.dir"), "testdata/real-world/wycheproof", file);
    JsonObject root;
    try (JsonReader reader = Json.createReader(Files.newBufferedReader(path))) {
      root = reader.readObject();
    }
    boolean p1363 = file.contains("p1363");
    EcdsaSignatures signatures = new EcdsaSignatures(provider);
    List<String> disagreements = new ArrayList<>();
    int count = 0;
    for (JsonValue g : root.getJsonArray("testGroups")) {
      JsonObject group = g.asJsonObject();
      EcKey key =
          EcKey.decode(
              SubjectPublicKeyInfo.getInstance(
                  HexFormat.of().parseHex(group.getString("publicKeyDer"))),
              "Wycheproof key",
              ReasonCode.ATTESTATION_MALFORMED,
              ReasonCode.KEY_ALGORITHM_NOT_ALLOWED,
              ALL_CURVES);
      EcdsaAlgorithm algorithm =
          group.getString("sha").equals("SHA-256") ? EcdsaAlgorithm.SHA256 : EcdsaAlgorithm.SHA384;
      for (JsonValue t : group.getJsonArray("tests")) {
        JsonObject test = t.asJsonObject();
        count++;
        byte[] msg = HexFormat.of().parseHex(test.getString("msg"));
        byte[] sig = HexFormat.of().parseHex(test.getString("sig"));
        boolean accepted = accepts(signatures, key, algorithm, msg, sig, p1363);
        boolean expected = test.getString("result").equals("valid");
        if (accepted != expected) {
          disagreements.add(
              "tcId "
                  + test.getInt("tcId")
                  + " "
                  + test.getString("result")
                  + ": "
                  + test.getString("comment"));
        }
      }
    }
    assertEquals(root.getInt("numberOfTests"), count, "vectors read");
    if (providerName.equals("SunEC")) {
      disagreements.removeIf(
          d -> d.contains(" valid: ") && SUNEC_FALSE_REJECTIONS.stream().anyMatch(d::endsWith));
    }
    assertEquals(List.of(), disagreements, file + " under " + providerName);
  }

  private static boolean accepts(
      EcdsaSignatures signatures,
      EcKey key,
      EcdsaAlgorithm algorithm,
      byte[] msg,
      byte[] sig,
      boolean p1363) {
    try {
      if (p1363) {
        signatures.verifyJose(
            key,
            algorithm,
            new JWSHeader(
                algorithm == EcdsaAlgorithm.SHA256 ? JWSAlgorithm.ES256 : JWSAlgorithm.ES384),
            msg,
            Base64URL.encode(sig),
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            "signature");
      } else {
        signatures.verifyDer(
            key, algorithm, msg, sig, ReasonCode.ATTESTATION_SIGNATURE_INVALID, "signature");
      }
      return true;
    } catch (EnrollmentRejectedException e) {
      return false;
    }
  }
}
