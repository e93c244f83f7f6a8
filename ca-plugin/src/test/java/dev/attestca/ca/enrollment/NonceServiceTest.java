package dev.attestca.ca.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

  private static final String ISSUED = "pndX_GMZ6O7acDPVxPT7-HuzIaEnOfRVaIwoI1ncS60";

  @Test
  void octetsOfACmsAttestationNameTheIssuedNonce() {
    byte[] octets = Base64.getUrlDecoder().decode(ISSUED);
    assertEquals(32, octets.length);
    assertEquals(ISSUED, NonceService.issuedForm(octets));
  }

  @Test
  void textOfAJwsAttestationNamesTheIssuedNonce() {
    assertEquals(ISSUED, NonceService.issuedForm(ISSUED.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void otherTextIsTakenAsOctetsAndSoMatchesNoIssuedNonce() {
    byte[] notBase64Url = "pndX_GMZ6O7acDPVxPT7-HuzIaEnOfRVaIwoI1ncS6=".getBytes();
    assertEquals(
        Base64.getUrlEncoder().withoutPadding().encodeToString(notBase64Url),
        NonceService.issuedForm(notBase64Url));
  }
}
