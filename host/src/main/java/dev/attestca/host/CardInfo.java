package dev.attestca.host;

import java.util.Set;

/**
 * What GET INFO (and SELECT) report about the applet and its state.
 *
 * @param appletVersion the applet's version, for example {@code 0.1.0}
 * @param appletBuild the applet's build string
 * @param curves the curves the card can generate keys on, probed at install
 * @param ecdsaSha384 whether the card signs with ECDSA SHA-384
 * @param precomputedHash whether the card signs host-computed hashes
 * @param slotCount the number of key slots
 * @param pinTriesLeft PIN tries left before it blocks (0: blocked)
 * @param pukTriesLeft PUK tries left (0: the card can no longer be unblocked)
 * @param pinVerified whether the PIN has been verified in this session
 * @param attestationKeyStored whether an attestation key has been personalised
 * @param certificateStored whether an attestation certificate has been personalised
 * @param locked whether personalisation is locked (the card is ready for use)
 */
public record CardInfo(
    String appletVersion,
    String appletBuild,
    Set<Curve> curves,
    boolean ecdsaSha384,
    boolean precomputedHash,
    int slotCount,
    int pinTriesLeft,
    int pukTriesLeft,
    boolean pinVerified,
    boolean attestationKeyStored,
    boolean certificateStored,
    boolean locked) {
  /** Canonical constructor; copies the curve set. */
  public CardInfo {
    curves = Set.copyOf(curves);
  }
}
