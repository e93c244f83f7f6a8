package dev.attestca.verifier;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key attestation that passed every check of its format, the profile's trust anchors and the key
 * binding.
 *
 * <p>Fields that a format does not state: for {@link VerificationPolicy#FORMAT_JWS} {@code keySlot}
 * is -1, {@code generatedOnCard} is false and {@code exportable} is true (the JWS format does not
 * assert either, so nothing is claimed for it), {@code userVerification}, {@code appletVersion} and
 * {@code appletBuild} are null; its claims are in {@code keyStorage} and {@code
 * userAuthentication}, which are empty for {@link VerificationPolicy#FORMAT_CMS}.
 *
 * @param format {@link VerificationPolicy#FORMAT_CMS} or {@link VerificationPolicy#FORMAT_JWS}
 * @param signerCertificate the attestation certificate whose key signed the attestation
 * @param certificatePath the validated path, signer first, trust anchor excluded
 * @param keySlot the card's key slot (0..255), or -1
 * @param generatedOnCard the key pair was generated inside the secure element
 * @param exportable the private key can leave the secure element
 * @param userVerification {@code none} or {@code pin}, or null
 * @param appletVersion the applet's version, or null
 * @param appletBuild the applet build the attestation key belongs to, or null
 * @param nonce the nonce the attestation carries, or null when it carries none
 * @param keyStorage the JWS {@code key_storage} values as sent
 * @param userAuthentication the JWS {@code user_authentication} values as sent
 */
public record VerifiedAttestation(
    String format,
    X509Certificate signerCertificate,
    List<X509Certificate> certificatePath,
    int keySlot,
    boolean generatedOnCard,
    boolean exportable,
    String userVerification,
    String appletVersion,
    String appletBuild,
    byte[] nonce,
    List<String> keyStorage,
    List<String> userAuthentication) {

  public VerifiedAttestation {
    certificatePath = List.copyOf(certificatePath);
    nonce = nonce == null ? null : nonce.clone();
    keyStorage = List.copyOf(keyStorage);
    userAuthentication = List.copyOf(userAuthentication);
  }

  /** The shape without the JWS claims, as the CMS format fills it. */
  public VerifiedAttestation(
      String format,
      X509Certificate signerCertificate,
      List<X509Certificate> certificatePath,
      int keySlot,
      boolean generatedOnCard,
      boolean exportable,
      String userVerification,
      String appletVersion,
      String appletBuild,
      byte[] nonce) {
    this(
        format,
        signerCertificate,
        certificatePath,
        keySlot,
        generatedOnCard,
        exportable,
        userVerification,
        appletVersion,
        appletBuild,
        nonce,
        List.of(),
        List.of());
  }

  /** A copy of the nonce, or null. */
  @Override
  public byte[] nonce() {
    return nonce == null ? null : nonce.clone();
  }
}
