package dev.attestca.it;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.qualified.QCStatement;

/** Reading the extensions and CRLs the CA produces, with Bouncy Castle's ASN.1 classes. */
final class Certificates {

  private Certificates() {}

  /** The URIs of the certificate's CRL distribution points. */
  static List<String> crlDistributionPoints(X509Certificate certificate) throws Exception {
    byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
    List<String> uris = new ArrayList<>();
    if (value == null) {
      return uris;
    }
    CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
    for (DistributionPoint point : points.getDistributionPoints()) {
      for (GeneralName name :
          GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
          uris.add(name.getName().toString());
        }
      }
    }
    return uris;
  }

  /** The statement OIDs of the certificate's QCStatements extension; empty without one. */
  static List<String> qcStatements(X509Certificate certificate) throws Exception {
    byte[] value = certificate.getExtensionValue(Extension.qCStatements.getId());
    List<String> oids = new ArrayList<>();
    if (value == null) {
      return oids;
    }
    ASN1Sequence statements =
        ASN1Sequence.getInstance(
            ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()));
    for (var statement : statements) {
      oids.add(QCStatement.getInstance(statement).getStatementId().getId());
    }
    return oids;
  }

  static X509CRL crl(byte[] der) throws Exception {
    return (X509CRL)
        CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
  }
}
