package dev.attestca.ca.enrollment;

import dev.attestca.ca.issuance.ProfileVocabulary;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.verifier.EnrollmentRejectedException;
import dev.attestca.verifier.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * A profile's subject name rules: a CSR whose subject carries a refused attribute type is refused;
 * otherwise the relative distinguished names whose every attribute type the profile copies are
 * kept, in the CSR's order, and the others dropped.
 */
final class SubjectRules {

  private SubjectRules() {}

  static X500Name apply(X500Name requested, CertificateProfile profile)
      throws EnrollmentRejectedException {
    List<ASN1ObjectIdentifier> refused = oids(profile.getSubjectRefusedAttributes());
    List<ASN1ObjectIdentifier> copied = oids(profile.getSubjectCopiedAttributes());
    List<RDN> kept = new ArrayList<>();
    for (RDN rdn : requested.getRDNs()) {
      boolean copy = true;
      for (var value : rdn.getTypesAndValues()) {
        if (refused.contains(value.getType())) {
          throw new EnrollmentRejectedException(
              ReasonCode.SUBJECT_NOT_ALLOWED,
              "csr subject must not carry attribute "
                  + name(value.getType())
                  + " under profile '"
                  + profile.getName()
                  + "'; it carries "
                  + name(value.getType())
                  + "="
                  + value.getValue());
        }
        copy &= copied.contains(value.getType());
      }
      if (copy) {
        kept.add(rdn);
      }
    }
    if (kept.isEmpty()) {
      throw new EnrollmentRejectedException(
          ReasonCode.SUBJECT_NOT_ALLOWED,
          "csr subject must carry at least one attribute profile '"
              + profile.getName()
              + "' copies "
              + profile.getSubjectCopiedAttributes()
              + "; it is '"
              + requested
              + "'");
    }
    return new X500Name(kept.toArray(RDN[]::new));
  }

  private static List<ASN1ObjectIdentifier> oids(List<String> names) {
    return names.stream().flatMap(n -> ProfileVocabulary.attributeType(n).stream()).toList();
  }

  private static String name(ASN1ObjectIdentifier type) {
    String name = BCStyle.INSTANCE.oidToDisplayName(type);
    return name == null ? type.getId() : name;
  }
}
