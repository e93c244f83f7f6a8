package dev.attestca.verifier;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one enrollment profile demands of a request. Immutable and thread-safe; build it once per
 * profile with {@link #builder(String)} and share it.
 *
 * <p>Defaults: attestation required, accepted formats {@link #FORMAT_CMS} only, curves P-256 and
 * P-384, nonce required, revocation {@link RevocationMode#REQUIRE_CRL}, JWS key storage at least
 * {@link AttackPotential#HIGH}, no JWS user-authentication minimum, 60 s clock skew for JWS {@code
 * iat}.
 */
public final class VerificationPolicy {

  /** The AttestCA applet's CMS key attestation (docs/attestation-format.md). */
  public static final String FORMAT_CMS = "attestca-cms";

  /** An OpenID4VCI 1.0 Appendix D key attestation JWS carried as {@code id-attestca.1.2}. */
  public static final String FORMAT_JWS = "openid4vci-jwt";

  /** The NIST P-256 curve ({@code prime256v1}). */
  public static final String CURVE_P256 = "P-256";

  /** The NIST P-384 curve ({@code secp384r1}). */
  public static final String CURVE_P384 = "P-384";

  /** How the certificates of an attestation path are checked for revocation. */
  public enum RevocationMode {
    /** No revocation checking. */
    DISABLED,
    /**
     * Every CA of the path must have a current CRL in the policy; a missing or stale CRL rejects
     * the request with {@link ReasonCode#ATTESTATION_REVOCATION_UNKNOWN} (fail closed).
     */
    REQUIRE_CRL,
    /** A current CRL is used when the policy has one; a missing or stale CRL is skipped. */
    CRL_IF_AVAILABLE
  }

  private final String profileName;
  private final boolean requireAttestation;
  private final List<X509Certificate> trustAnchors;
  private final Set<String> acceptedFormats;
  private final Set<String> allowedCurves;
  private final boolean requireNonce;
  private final RevocationMode revocationMode;
  private final List<X509CRL> crls;
  private final AttackPotential minimumKeyStorage;
  private final AttackPotential minimumUserAuthentication;
  private final Duration clockSkew;

  private VerificationPolicy(Builder b) {
    this.profileName = b.profileName;
    this.requireAttestation = b.requireAttestation;
    this.trustAnchors = List.copyOf(b.trustAnchors);
    this.acceptedFormats = Set.copyOf(b.acceptedFormats);
    this.allowedCurves = Set.copyOf(b.allowedCurves);
    this.requireNonce = b.requireNonce;
    this.revocationMode = b.revocationMode;
    this.crls = List.copyOf(b.crls);
    this.minimumKeyStorage = b.minimumKeyStorage;
    this.minimumUserAuthentication = b.minimumUserAuthentication;
    this.clockSkew = b.clockSkew;
  }

  /** Starts a policy for the named profile. */
  public static Builder builder(String profileName) {
    return new Builder(profileName);
  }

  public String profileName() {
    return profileName;
  }

  public boolean requireAttestation() {
    return requireAttestation;
  }

  /** The Attestation CA certificates trusted for this profile; never the JVM's cacerts. */
  public List<X509Certificate> trustAnchors() {
    return trustAnchors;
  }

  public Set<String> acceptedFormats() {
    return acceptedFormats;
  }

  public Set<String> allowedCurves() {
    return allowedCurves;
  }

  /**
   * Whether an attestation must carry a nonce, consumed through the {@link NonceConsumer}. A
   * request without attestation on a profile that does not require one has no nonce to consume.
   */
  public boolean requireNonce() {
    return requireNonce;
  }

  public RevocationMode revocationMode() {
    return revocationMode;
  }

  /** The CRLs of the Attestation CAs (and of any intermediate CA) of this profile. */
  public List<X509CRL> crls() {
    return crls;
  }

  public AttackPotential minimumKeyStorage() {
    return minimumKeyStorage;
  }

  /** The minimum JWS {@code user_authentication} level, or empty when none is required. */
  public Optional<AttackPotential> minimumUserAuthentication() {
    return Optional.ofNullable(minimumUserAuthentication);
  }

  /** How far in the future a JWS {@code iat} may lie. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** Builds a {@link VerificationPolicy}. Not thread-safe; use it from one thread. */
  public static final class Builder {
    private final String profileName;
    private boolean requireAttestation = true;
    private final List<X509Certificate> trustAnchors = new ArrayList<>();
    private final Set<String> acceptedFormats = new LinkedHashSet<>(Set.of(FORMAT_CMS));
    private final Set<String> allowedCurves = new LinkedHashSet<>(List.of(CURVE_P256, CURVE_P384));
    private boolean requireNonce = true;
    private RevocationMode revocationMode = RevocationMode.REQUIRE_CRL;
    private final List<X509CRL> crls = new ArrayList<>();
    private AttackPotential minimumKeyStorage = AttackPotential.HIGH;
    private AttackPotential minimumUserAuthentication;
    private Duration clockSkew = Duration.ofSeconds(60);

    private Builder(String profileName) {
      if (profileName == null || profileName.isBlank()) {
        throw new VerifierConfigurationException("policy profileName must not be blank");
      }
      this.profileName = profileName;
    }

    public Builder requireAttestation(boolean require) {
      this.requireAttestation = require;
      return this;
    }

    /** Adds trusted Attestation CA certificates. */
    public Builder trustAnchors(Collection<X509Certificate> anchors) {
      anchors.forEach(a -> trustAnchors.add(Objects.requireNonNull(a, "trust anchor")));
      return this;
    }

    /** Replaces the accepted formats ({@link #FORMAT_CMS}, {@link #FORMAT_JWS}). */
    public Builder acceptedFormats(Collection<String> formats) {
      acceptedFormats.clear();
      acceptedFormats.addAll(formats);
      return this;
    }

    /** Replaces the allowed curves; only {@link #CURVE_P256} and {@link #CURVE_P384} exist. */
    public Builder allowedCurves(Collection<String> curves) {
      allowedCurves.clear();
      allowedCurves.addAll(curves);
      return this;
    }

    public Builder requireNonce(boolean require) {
      this.requireNonce = require;
      return this;
    }

    public Builder revocationMode(RevocationMode mode) {
      this.revocationMode = Objects.requireNonNull(mode, "revocationMode");
      return this;
    }

    /** Adds CRLs issued by the trusted Attestation CAs or by intermediate CAs below them. */
    public Builder crls(Collection<X509CRL> list) {
      list.forEach(c -> crls.add(Objects.requireNonNull(c, "crl")));
      return this;
    }

    public Builder minimumKeyStorage(AttackPotential level) {
      this.minimumKeyStorage = Objects.requireNonNull(level, "minimumKeyStorage");
      return this;
    }

    /** The minimum JWS {@code user_authentication} level; null for none. */
    public Builder minimumUserAuthentication(AttackPotential level) {
      this.minimumUserAuthentication = level;
      return this;
    }

    public Builder clockSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new VerifierConfigurationException("policy clockSkew must not be negative");
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * Checks the settings and builds the policy.
     *
     * @throws VerifierConfigurationException when the settings cannot work: attestation required
     *     without trust anchors, an unknown format or curve, a trust anchor that is not a CA, or
     *     {@link RevocationMode#REQUIRE_CRL} with a trust anchor that has no CRL
     */
    public VerificationPolicy build() {
      VerificationPolicy policy = new VerificationPolicy(this);
      PolicyChecks.check(policy);
      return policy;
    }
  }
}
