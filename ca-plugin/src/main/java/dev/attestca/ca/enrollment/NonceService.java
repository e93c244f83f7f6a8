package dev.attestca.ca.enrollment;

import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.ca.model.EnrollmentNonce;
import dev.attestca.verifier.EnrollmentRejectedException;
import dev.attestca.verifier.NonceConsumer;
import dev.attestca.verifier.ReasonCode;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Hands out enrollment nonces and consumes them.
 *
 * <p>Consumption is one conditional UPDATE (unused, unexpired, same profile): the database decides
 * which of two racing requests wins, never a look-up followed by a write.
 */
@Stateless
@LocalBean
public class NonceService implements NonceConsumer {

  /** Nonce length in octets: 256 bits from the platform's CSPRNG. */
  public static final int NONCE_OCTETS = 32;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The length of a nonce's base64url text, without padding. */
  static final int NONCE_TEXT_LENGTH = (NONCE_OCTETS * 4 + 2) / 3;

  /** Issues a fresh nonce bound to {@code profile}. */
  public EnrollmentNonce issue(CertificateProfile profile) {
    byte[] octets = new byte[NONCE_OCTETS];
    RANDOM.nextBytes(octets);
    Instant now = clock.instant();
    EnrollmentNonce nonce =
        new EnrollmentNonce(
            B64URL.encodeToString(octets),
            profile.getName(),
            now,
            now.plus(profile.getNonceLifetime()));
    em.persist(nonce);
    return nonce;
  }

  /**
   * {@inheritDoc}
   *
   * <p>An attestation carries the nonce either as its octets (the CMS format) or as the base64url
   * text this service handed out (the JWS format, whose nonce claim is a string); both name the
   * same nonce. A 32-octet nonce is never mistaken for text, which is 43 characters long.
   */
  @Override
  public void consume(byte[] nonce, String profileName) throws EnrollmentRejectedException {
    String value = issuedForm(nonce);
    Instant now = clock.instant();
    int updated =
        em.createQuery(
                "update EnrollmentNonce n set n.usedAt = :now where n.value = :value"
                    + " and n.profileName = :profile and n.usedAt is null and n.expiresAt > :now")
            .setParameter("now", now)
            .setParameter("value", value)
            .setParameter("profile", profileName)
            .executeUpdate();
    if (updated == 1) {
      return;
    }
    EnrollmentNonce found = em.find(EnrollmentNonce.class, value);
    if (found == null) {
      throw new EnrollmentRejectedException(
          ReasonCode.NONCE_UNKNOWN,
          "attestation nonce must be one this CA issued; nonce " + value + " is unknown");
    }
    if (!found.getProfileName().equals(profileName)) {
      throw new EnrollmentRejectedException(
          ReasonCode.NONCE_UNKNOWN,
          "attestation nonce must be issued for profile '"
              + profileName
              + "'; nonce "
              + value
              + " was issued for profile '"
              + found.getProfileName()
              + "'");
    }
    if (found.getUsedAt() != null) {
      throw new EnrollmentRejectedException(
          ReasonCode.NONCE_REUSED,
          "attestation nonce must be used only once; nonce "
              + value
              + " was used at "
              + found.getUsedAt());
    }
    throw new EnrollmentRejectedException(
        ReasonCode.NONCE_EXPIRED,
        "attestation nonce must be used before it expires; nonce "
            + value
            + " expired at "
            + found.getExpiresAt());
  }

  static String issuedForm(byte[] nonce) {
    if (nonce.length == NONCE_TEXT_LENGTH) {
      String text = new String(nonce, StandardCharsets.US_ASCII);
      if (text.chars().allMatch(NonceService::isBase64UrlCharacter)) {
        return text;
      }
    }
    return B64URL.encodeToString(nonce);
  }

  private static boolean isBase64UrlCharacter(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
