package dev.attestca.verifier;

import java.util.Optional;

/**
 * Attack-potential levels of ISO/IEC 18045 as OpenID4VCI 1.0 Appendix D names them in {@code
 * key_storage} and {@code user_authentication}, ordered from weakest to strongest.
 */
public enum AttackPotential {
  BASIC("iso_18045_basic"),
  ENHANCED_BASIC("iso_18045_enhanced-basic"),
  MODERATE("iso_18045_moderate"),
  HIGH("iso_18045_high");

  private final String claimValue;

  AttackPotential(String claimValue) {
    this.claimValue = claimValue;
  }

  /** The value as it appears in a key attestation, for example {@code iso_18045_high}. */
  public String claimValue() {
    return claimValue;
  }

  /** The level a claim value names, or empty for a value this enum does not know. */
  public static Optional<AttackPotential> fromClaimValue(String value) {
    for (AttackPotential level : values()) {
      if (level.claimValue.equals(value)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
