package dev.attestca.ca.trust;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** Reading certificates and CRLs (PEM or DER) and matching a CRL to its CA. */
public final class Pkix {

  private static final Logger LOG = Logger.getLogger(Pkix.class.getName());

  private Pkix() {}

  public static List<X509Certificate> certificates(byte[] data) throws CertificateException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (var certificate :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(data))) {
      certificates.add((X509Certificate) certificate);
    }
    return certificates;
  }

  public static List<X509CRL> crls(byte[] data) throws CertificateException, CRLException {
    List<X509CRL> crls = new ArrayList<>();
    for (var crl :
        CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(data))) {
      crls.add((X509CRL) crl);
    }
    return crls;
  }

  /** Whether {@code crl} names {@code ca} as its issuer and verifies with its key. */
  public static boolean issuedBy(X509CRL crl, X509Certificate ca) {
    if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      crl.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      LOG.warning(
          "ignoring a CRL named for " + ca.getSubjectX500Principal() + ": " + e.getMessage());
      return false;
    }
  }

  /** Whether {@code certificate} is a CA certificate that may sign certificates. */
  public static boolean isCa(X509Certificate certificate) {
    boolean[] usage = certificate.getKeyUsage();
    return certificate.getBasicConstraints() >= 0 && (usage == null || usage[5]);
  }
}
