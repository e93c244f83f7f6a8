package dev.attestca.ca.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.verifier.EnrollmentRejectedException;
import dev.attestca.verifier.ReasonCode;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

class SubjectRulesTest {

  private static CertificateProfile profile(List<String> copied, List<String> refused) {
    CertificateProfile profile = new CertificateProfile("p", false);
    profile.setSubjectCopiedAttributes(copied);
    profile.setSubjectRefusedAttributes(refused);
    return profile;
  }

  @Test
  void copiedAttributesAreKeptInOrderAndOthersDropped() throws Exception {
    X500Name kept =
        SubjectRules.apply(
            new X500Name("C=DE,L=Berlin,O=Example,CN=Device 1"),
            profile(List.of("CN", "O", "C"), List.of()));

    assertEquals(new X500Name("C=DE,O=Example,CN=Device 1"), kept);
  }

  @Test
  void refusedAttributeRefusesTheRequestNamingTheValue() {
    EnrollmentRejectedException e =
        assertThrows(
            EnrollmentRejectedException.class,
            () ->
                SubjectRules.apply(
                    new X500Name("CN=Device 1,E=someone@example.com"),
                    profile(List.of("CN"), List.of("E"))));

    assertEquals(ReasonCode.SUBJECT_NOT_ALLOWED, e.reason());
    assertTrue(e.getMessage().contains("someone@example.com"), e.getMessage());
  }

  @Test
  void subjectWithNothingToCopyIsRefused() {
    EnrollmentRejectedException e =
        assertThrows(
            EnrollmentRejectedException.class,
            () -> SubjectRules.apply(new X500Name("L=Berlin"), profile(List.of("CN"), List.of())));

    assertEquals(ReasonCode.SUBJECT_NOT_ALLOWED, e.reason());
  }
}
