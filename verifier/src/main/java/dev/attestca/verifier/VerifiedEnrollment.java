package dev.attestca.verifier;

import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A request that passed verification under a profile.
 *
 * @param csr the parsed request
 * @param publicKey the request's key, an EC key on an allowed named curve
 * @param attestation the verified attestation, empty when the request carried none and the profile
 *     does not require one
 * @param requestedExtensions the extensions the CSR asks for (PKCS#9 extensionRequest), in request
 *     order; the verifier reports them and the server decides which the profile allows
 */
public record VerifiedEnrollment(
    PKCS10CertificationRequest csr,
    SubjectPublicKeyInfo publicKey,
    Optional<VerifiedAttestation> attestation,
    List<Extension> requestedExtensions) {

  public VerifiedEnrollment {
    requestedExtensions = List.copyOf(requestedExtensions);
  }

  /** A result without requested extensions. */
  public VerifiedEnrollment(
      PKCS10CertificationRequest csr,
      SubjectPublicKeyInfo publicKey,
      Optional<VerifiedAttestation> attestation) {
    this(csr, publicKey, attestation, List.of());
  }
}
