package dev.attestca.ca.api;

import java.io.Serializable;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Whether a certificate is revoked.
 *
 * @param issuerDn the issuer as stored, RFC 4514
 * @param reason the RFC 5280 reason name (EJBCA spelling), or null when not revoked
 * @param revokedAt when it was revoked, or null when not revoked
 */
public record RevocationStatus(String issuerDn, BigInteger serial, String reason, Instant revokedAt)
    implements Serializable {

  public boolean revoked() {
    return revokedAt != null;
  }
}
