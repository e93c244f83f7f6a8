package dev.attestca.ejbca;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The EJBCA "CA name" of this CA: the common name of its certificate's subject. A request that
 * leaves {@code certificate_authority_name} out enrolls with this CA too.
 */
final class CaNames {

  private CaNames() {}

  /** Whether {@code name} (may be null) names the CA of {@code caCertificateDer}. */
  static boolean names(String name, byte[] caCertificateDer) {
    return name == null || name.isBlank() || name.strip().equals(of(caCertificateDer));
  }

  /** The common name of the CA certificate's subject, or its whole DN when it has none. */
  static String of(byte[] caCertificateDer) {
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(caCertificateDer));
      String dn = certificate.getSubjectX500Principal().getName();
      for (Rdn rdn : new LdapName(dn).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
      return dn;
    } catch (CertificateException | InvalidNameException e) {
      throw new IllegalStateException("the CA certificate does not decode", e);
    }
  }
}
