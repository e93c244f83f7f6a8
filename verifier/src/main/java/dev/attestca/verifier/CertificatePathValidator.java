package dev.attestca.verifier;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Builds the path from an attestation signer certificate to one of the profile's trust anchors and
 * validates it with the PKIX validator (RFC 5280 section 6) of the library's Bouncy Castle
 * instance, then checks revocation against the policy's CRLs. Thread-safe and stateless.
 *
 * <p>Path building uses only the certificates sent with the attestation; an anchor is matched by
 * subject name and by its key verifying the issued certificate. Self-issued certificates in the bag
 * are never used (a root sent by the client is ignored; a look-alike root is not trusted).
 */
final class CertificatePathValidator {
  private static final int MAX_PATH_LENGTH = 6;
  private static final String RULE =
      "attestation signer certificate must chain to a trusted Attestation CA";

  private CertificatePathValidator() {}

  /**
   * @return the validated path, signer first, anchor excluded
   */
  static List<X509Certificate> validate(
      X509Certificate signer, Collection<X509Certificate> bag, VerificationPolicy policy, Date now)
      throws EnrollmentRejectedException {
    checkEndEntity(signer);
    List<X509Certificate> path = new ArrayList<>(List.of(signer));
    X509Certificate anchor = issuerAmong(signer, policy.trustAnchors());
    while (anchor == null) {
      X509Certificate current = path.get(path.size() - 1);
      X509Certificate next =
          path.size() < MAX_PATH_LENGTH ? bagIssuer(current, bag, path, policy) : null;
      if (next == null) {
        throw untrusted(
            path.size() - 1,
            "no trusted Attestation CA of profile '"
                + policy.profileName()
                + "' or sent CA certificate issued it (issuer "
                + current.getIssuerX500Principal().getName()
                + ")");
      }
      path.add(next);
      anchor = issuerAmong(next, policy.trustAnchors());
    }
    for (int i = 1; i < path.size(); i++) {
      boolean[] usage = path.get(i).getKeyUsage();
      if (usage == null || !usage[5]) {
        throw untrusted(i, "CA certificate must assert keyUsage keyCertSign; it does not");
      }
    }
    pkix(path, anchor, now);
    Revocation.check(path, anchor, policy, now);
    return List.copyOf(path);
  }

  private static void checkEndEntity(X509Certificate signer) throws EnrollmentRejectedException {
    if (signer.getBasicConstraints() >= 0) {
      throw untrusted(0, "the signer must be an end-entity certificate; got basicConstraints cA");
    }
    boolean[] usage = signer.getKeyUsage();
    if (usage != null && !usage[0]) {
      throw untrusted(0, "signer keyUsage must include digitalSignature; it does not");
    }
  }

  private static X509Certificate issuerAmong(
      X509Certificate cert, Collection<X509Certificate> candidates) {
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
          && verifies(cert, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static X509Certificate bagIssuer(
      X509Certificate current,
      Collection<X509Certificate> bag,
      List<X509Certificate> path,
      VerificationPolicy policy) {
    List<X509Certificate> usable = new ArrayList<>();
    for (X509Certificate c : bag) {
      boolean selfIssued = c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
      if (!selfIssued && !contains(path, c) && !contains(policy.trustAnchors(), c)) {
        usable.add(c);
      }
    }
    return issuerAmong(current, usable);
  }

  private static boolean contains(Collection<X509Certificate> certs, X509Certificate cert) {
    byte[] encoded = AttestationStatement.encoded(cert);
    return certs.stream().anyMatch(c -> Arrays.equals(AttestationStatement.encoded(c), encoded));
  }

  private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
    try {
      cert.verify(issuer.getPublicKey(), Providers.bouncyCastle());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static void pkix(List<X509Certificate> path, X509Certificate anchor, Date now)
      throws EnrollmentRejectedException {
    try {
      CertificateFactory factory =
          CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
      CertPath certPath = factory.generateCertPath(path);
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
      params.setDate(now);
      params.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX", Providers.bouncyCastle()).validate(certPath, params);
    } catch (CertPathValidatorException e) {
      throw untrusted(e.getIndex(), e.getMessage() + " (" + e.getReason() + ")");
    } catch (CertificateException
        | NoSuchAlgorithmException
        | InvalidAlgorithmParameterException e) {
      throw new VerifierConfigurationException("PKIX validation could not be set up", e);
    }
  }

  static EnrollmentRejectedException untrusted(int index, String why) {
    return new EnrollmentRejectedException(
        ReasonCode.ATTESTATION_CHAIN_UNTRUSTED,
        RULE + "; path failed at index " + index + ": " + why);
  }

  /** Revocation checking against the policy's CRLs (RFC 5280 section 6.3, full CRLs only). */
  static final class Revocation {
    private Revocation() {}

    static void check(
        List<X509Certificate> path, X509Certificate anchor, VerificationPolicy policy, Date now)
        throws EnrollmentRejectedException {
      if (policy.revocationMode() == VerificationPolicy.RevocationMode.DISABLED) {
        return;
      }
      for (int i = 0; i < path.size(); i++) {
        X509Certificate cert = path.get(i);
        X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
        X509CRL crl = currentCrl(issuer, policy, now, i);
        if (crl == null) {
          continue;
        }
        X509CRLEntry entry = crl.getRevokedCertificate(cert);
        if (entry != null) {
          throw new EnrollmentRejectedException(
              ReasonCode.ATTESTATION_CERTIFICATE_REVOKED,
              "attestation path certificate at index "
                  + i
                  + " (serial "
                  + cert.getSerialNumber().toString(16)
                  + ") must not be revoked; the CRL of "
                  + issuer.getSubjectX500Principal().getName()
                  + " lists it as revoked on "
                  + entry.getRevocationDate().toInstant());
        }
      }
    }

    private static X509CRL currentCrl(
        X509Certificate issuer, VerificationPolicy policy, Date now, int index)
        throws EnrollmentRejectedException {
      X509CRL newest = null;
      for (X509CRL crl : policy.crls()) {
        if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
            && signedBy(crl, issuer)
            && (newest == null || crl.getThisUpdate().after(newest.getThisUpdate()))) {
          newest = crl;
        }
      }
      String problem = null;
      if (newest == null) {
        problem = "no CRL of the issuing CA is configured";
      } else if (newest.getThisUpdate().after(now)) {
        problem = "its newest CRL is not valid before " + newest.getThisUpdate().toInstant();
      } else if (newest.getNextUpdate() == null || !newest.getNextUpdate().after(now)) {
        problem =
            "its newest CRL is stale (nextUpdate "
                + (newest.getNextUpdate() == null ? "absent" : newest.getNextUpdate().toInstant())
                + ")";
      } else if (hasCriticalExtensions(newest)) {
        problem = "its newest CRL has critical extensions this verifier does not process";
      }
      if (problem == null) {
        return newest;
      }
      if (policy.revocationMode() == VerificationPolicy.RevocationMode.CRL_IF_AVAILABLE) {
        return null;
      }
      throw new EnrollmentRejectedException(
          ReasonCode.ATTESTATION_REVOCATION_UNKNOWN,
          "revocation status of the attestation path certificate at index "
              + index
              + " must be known from a current CRL of "
              + issuer.getSubjectX500Principal().getName()
              + "; "
              + problem);
    }

    static boolean signedBy(X509CRL crl, X509Certificate issuer) {
      try {
        crl.verify(issuer.getPublicKey(), Providers.bouncyCastle());
        return true;
      } catch (GeneralSecurityException | RuntimeException e) {
        return false;
      }
    }

    private static boolean hasCriticalExtensions(X509CRL crl) {
      Set<String> critical = crl.getCriticalExtensionOIDs();
      return critical != null && !critical.isEmpty();
    }
  }
}
