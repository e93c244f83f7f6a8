package dev.attestca.verifier;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A key attestation of OpenID for Verifiable Credential Issuance 1.0, Appendix D: a JWS of type
 * {@code key-attestation+jwt}, carried as statement type {@code id-attestca.1.2} whose value is an
 * OCTET STRING holding the compact serialisation in UTF-8 (docs/attestation-format.md). Verified
 * with Nimbus JOSE+JWT. Stateless and thread-safe.
 *
 * <p>The attester key comes only from {@code x5c}, validated against the profile's anchors like a
 * CMS signer; {@code jwk}, {@code jku}, {@code x5u} and {@code trust_chain} are not used, and a
 * header that carries {@code jwk}, {@code jku} or {@code x5u} is refused. The {@code status} claim
 * (status lists) is not checked.
 */
final class JwsKeyAttestationFormat implements AttestationFormat {

  /** {@code id-attestca.1.2}: an OpenID4VCI key attestation JWS in an OCTET STRING. */
  static final ASN1ObjectIdentifier STATEMENT_TYPE =
      CmsKeyAttestationFormat.ID_ATTESTCA.branch("1.2");

  static final String TYP = "key-attestation+jwt";

  private static final Set<String> ALL_CURVES =
      Set.of(VerificationPolicy.CURVE_P256, VerificationPolicy.CURVE_P384);

  @Override
  public String name() {
    return VerificationPolicy.FORMAT_JWS;
  }

  @Override
  public ASN1ObjectIdentifier statementType() {
    return STATEMENT_TYPE;
  }

  @Override
  public VerifiedAttestation verify(AttestationStatement statement, Context context)
      throws EnrollmentRejectedException {
    Base64URL[] parts = split(compactJws(statement));
    JWSHeader header = header(parts[0]);
    EcdsaAlgorithm algorithm = EcdsaAlgorithm.byJose(header.getAlgorithm());
    List<X509Certificate> x5c = x5c(header);
    X509Certificate signer = x5c.get(0);
    EcKey signerKey =
        EcKey.decode(
            CmsKeyAttestationFormat.subjectPublicKeyInfo(signer),
            "JWS x5c[0] subjectPublicKeyInfo",
            ReasonCode.ATTESTATION_MALFORMED,
            ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
            ALL_CURVES);
    if (!algorithm.joseCurve.equals(signerKey.curveName())) {
      throw new EnrollmentRejectedException(
          ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
          "JWS alg "
              + algorithm.jose
              + " must match the x5c[0] key's curve "
              + signerKey.curveName()
              + "; it does not");
    }
    JWSObject jws;
    try {
      jws = new JWSObject(parts[0], parts[1], parts[2]);
    } catch (ParseException e) {
      throw malformed("JWS must be a compact JWS; " + e.getMessage(), e);
    }
    context
        .signatures()
        .verifyJose(
            signerKey,
            algorithm,
            header,
            jws.getSigningInput(),
            parts[2],
            ReasonCode.ATTESTATION_SIGNATURE_INVALID,
            "JWS signature");
    JWTClaimsSet claims = claims(jws);
    List<X509Certificate> bag = new ArrayList<>(x5c.subList(1, x5c.size()));
    bag.addAll(statement.bundleCertificates());
    List<X509Certificate> path =
        CertificatePathValidator.validate(signer, bag, context.policy(), Date.from(context.now()));
    checkValidity(claims, context);
    checkAttestedKeys(claims, context.csrKey());
    List<String> keyStorage = stringList(claims, "key_storage");
    List<String> userAuthentication = stringList(claims, "user_authentication");
    checkMinimum("key_storage", keyStorage, Optional.of(context.policy().minimumKeyStorage()));
    checkMinimum(
        "user_authentication", userAuthentication, context.policy().minimumUserAuthentication());
    return new VerifiedAttestation(
        name(),
        signer,
        path,
        -1,
        false,
        true,
        null,
        null,
        null,
        nonce(claims),
        keyStorage,
        userAuthentication);
  }

  private static String compactJws(AttestationStatement statement)
      throws EnrollmentRejectedException {
    if (!(statement.statement() instanceof ASN1OctetString octets)) {
      throw malformed("statement " + STATEMENT_TYPE.getId() + " must be an OCTET STRING");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(octets.getOctets()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("statement " + STATEMENT_TYPE.getId() + " must hold UTF-8 text", e);
    }
  }

  private static Base64URL[] split(String compact) throws EnrollmentRejectedException {
    Base64URL[] parts;
    try {
      parts = JOSEObject.split(compact);
    } catch (ParseException e) {
      throw malformed("JWS must be a compact serialisation; " + e.getMessage(), e);
    }
    if (parts.length != 3) {
      throw malformed("JWS must have 3 parts (a JWS, not a JWE); got " + parts.length);
    }
    return parts;
  }

  private static JWSHeader header(Base64URL encoded) throws EnrollmentRejectedException {
    Header parsed;
    try {
      parsed = Header.parse(encoded);
    } catch (ParseException e) {
      throw malformed("JWS header must be a JOSE header; " + e.getMessage(), e);
    }
    if (!(parsed instanceof JWSHeader header)
        || EcdsaAlgorithm.byJose(header.getAlgorithm()) == null) {
      throw new EnrollmentRejectedException(
          ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
          "JWS header alg must be ES256 or ES384; got " + parsed.getAlgorithm());
    }
    JOSEObjectType typ = header.getType();
    if (typ == null
        || !(TYP.equals(typ.getType()) || ("application/" + TYP).equalsIgnoreCase(typ.getType()))) {
      throw malformed("JWS header typ must be " + TYP + "; got " + typ);
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_FORMAT_UNSUPPORTED,
          "JWS header crit must name only understood parameters; got "
              + header.getCriticalParams());
    }
    if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null) {
      throw malformed("JWS header must not carry jwk, jku or x5u; the key must come from x5c");
    }
    if (header.getCustomParam("b64") != null || !header.isBase64URLEncodePayload()) {
      throw malformed("JWS header must not carry b64 (RFC 7797 is not supported)");
    }
    return header;
  }

  private static List<X509Certificate> x5c(JWSHeader header) throws EnrollmentRejectedException {
    List<Base64> chain = header.getX509CertChain();
    if (chain == null || chain.isEmpty()) {
      throw malformed("JWS header x5c must hold the attester's certificate; it is absent");
    }
    List<X509Certificate> certs = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      certs.add(AttestationStatement.certificate(chain.get(i).decode(), "JWS x5c[" + i + "]"));
    }
    return certs;
  }

  private static JWTClaimsSet claims(JWSObject jws) throws EnrollmentRejectedException {
    Map<String, Object> json = jws.getPayload().toJSONObject();
    if (json == null) {
      throw malformed("JWS payload must be a JSON object");
    }
    try {
      return JWTClaimsSet.parse(json);
    } catch (ParseException e) {
      throw malformed("JWS claims must be JWT claims; " + e.getMessage(), e);
    }
  }

  private static void checkValidity(JWTClaimsSet claims, Context context)
      throws EnrollmentRejectedException {
    Date iat = claims.getIssueTime();
    if (iat == null) {
      throw malformed("JWS claim iat must be present; it is absent");
    }
    Instant now = context.now();
    if (iat.toInstant().isAfter(now.plus(context.policy().clockSkew()))) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_EXPIRED,
          "JWS claim iat must not be after the validation time "
              + now
              + " plus the allowed skew; got "
              + iat.toInstant());
    }
    Date exp = claims.getExpirationTime();
    if (exp != null && !exp.toInstant().isAfter(now)) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_EXPIRED,
          "JWS claim exp must be after the validation time " + now + "; got " + exp.toInstant());
    }
  }

  private static void checkAttestedKeys(JWTClaimsSet claims, EcKey csrKey)
      throws EnrollmentRejectedException {
    if (!(claims.getClaim("attested_keys") instanceof List<?> keys) || keys.isEmpty()) {
      throw malformed("JWS claim attested_keys must be a non-empty array of JWKs");
    }
    for (int i = 0; i < keys.size(); i++) {
      if (attestedKey(keys.get(i), i).sameKeyAs(csrKey)) {
        return;
      }
    }
    throw new EnrollmentRejectedException(
        ReasonCode.ATTESTATION_KEY_MISMATCH,
        "JWS claim attested_keys must contain the CSR's "
            + csrKey.curveName()
            + " key; none of its "
            + keys.size()
            + " keys is");
  }

  @SuppressWarnings("unchecked")
  private static EcKey attestedKey(Object value, int index) throws EnrollmentRejectedException {
    String field = "JWS claim attested_keys[" + index + "]";
    JWK jwk;
    try {
      if (!(value instanceof Map<?, ?> map)) {
        throw new ParseException("not a JSON object", 0);
      }
      jwk = JWK.parse((Map<String, Object>) map);
    } catch (ParseException | RuntimeException e) {
      throw malformed(field + " must be a public JWK; " + e.getMessage(), e);
    }
    if (jwk.isPrivate()) {
      throw malformed(field + " must be a public JWK; it carries private key material");
    }
    if (!(jwk instanceof ECKey ec)) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_KEY_MISMATCH,
          field + " must be an EC key to match the CSR key; got kty " + jwk.getKeyType());
    }
    try {
      return EcKey.decode(
          SubjectPublicKeyInfo.getInstance(ec.toECPublicKey().getEncoded()),
          field,
          ReasonCode.ATTESTATION_MALFORMED,
          ReasonCode.ATTESTATION_KEY_MISMATCH,
          ALL_CURVES);
    } catch (com.nimbusds.jose.JOSEException e) {
      throw malformed(field + " must be a usable EC public key; " + e.getMessage(), e);
    }
  }

  private static List<String> stringList(JWTClaimsSet claims, String name)
      throws EnrollmentRejectedException {
    try {
      List<String> list = claims.getStringListClaim(name);
      return list == null ? List.of() : list;
    } catch (ParseException e) {
      throw malformed("JWS claim " + name + " must be an array of strings", e);
    }
  }

  /** The strongest known level listed must reach the minimum; unknown values count for nothing. */
  private static void checkMinimum(
      String claim, List<String> values, Optional<AttackPotential> minimum)
      throws EnrollmentRejectedException {
    if (minimum.isEmpty()) {
      return;
    }
    Optional<AttackPotential> best =
        values.stream()
            .map(AttackPotential::fromClaimValue)
            .flatMap(Optional::stream)
            .max(Enum::compareTo);
    if (best.isEmpty() || best.get().compareTo(minimum.get()) < 0) {
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_KEY_PROPERTIES_INSUFFICIENT,
          "JWS claim " + claim + " must reach " + minimum.get().claimValue() + "; got " + values);
    }
  }

  private static byte[] nonce(JWTClaimsSet claims) throws EnrollmentRejectedException {
    Object nonce = claims.getClaim("nonce");
    if (nonce == null) {
      return null;
    }
    if (!(nonce instanceof String text) || text.isEmpty()) {
      throw malformed("JWS claim nonce must be a non-empty string");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static EnrollmentRejectedException malformed(String message) {
    return AttestationStatement.malformed(message);
  }

  private static EnrollmentRejectedException malformed(String message, Exception cause) {
    return AttestationStatement.malformed(message, cause);
  }
}
