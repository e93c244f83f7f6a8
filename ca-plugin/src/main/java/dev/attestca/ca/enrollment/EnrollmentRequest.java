package dev.attestca.ca.enrollment;

/**
 * An enrollment as the gate sees it, whatever API it arrived through.
 *
 * @param profileName the certificate profile asked for; may be null (then refused)
 * @param csrDer the DER PKCS#10 request
 * @param detachedAttestation an attestation sent beside the CSR instead of inside it, or null
 * @param caller the authenticated caller's name, or null when anonymous
 * @param enroller whether the authenticated caller holds the enroller role
 */
public record EnrollmentRequest(
    String profileName,
    byte[] csrDer,
    byte[] detachedAttestation,
    String caller,
    boolean enroller) {}
