package dev.attestca.ca.issuance;

import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What goes into one certificate, decided by the enrollment gate from the profile and the verified
 * request.
 *
 * @param subject the subject name after the profile's subject rules
 * @param publicKey the verified key
 * @param validity how long the certificate is valid from now
 * @param keyUsageBits the keyUsage bits (Bouncy Castle {@code KeyUsage} constants, or-ed)
 * @param extendedKeyUsages the extended key usages; none means no extension
 * @param qcSscd whether to add the ETSI QcStatement QcSSCD (EN 319 412-5)
 */
public record CertificateTemplate(
    X500Name subject,
    SubjectPublicKeyInfo publicKey,
    Duration validity,
    int keyUsageBits,
    List<KeyPurposeId> extendedKeyUsages,
    boolean qcSscd) {

  public CertificateTemplate {
    extendedKeyUsages = List.copyOf(extendedKeyUsages);
  }
}
