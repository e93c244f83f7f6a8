package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.host.Curve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.junit.jupiter.api.Test;

/**
 * Measures what applet/README.md reports: attestation sizes, APDU round trips per operation, and
 * the RAM the applet allocates. Prints them and writes target/measurements.txt; asserts only that
 * the numbers are plausible.
 */
class MeasurementsTest {
  @Test
  void measureSizesRoundTripsAndRam() throws Exception {
    List<String> lines = new ArrayList<>();
    TestCard t = TestCard.personalised();
    int certificate = t.pki.attestationCertificate().getEncoded().length;
    lines.add("attestation certificate: " + certificate + " bytes DER");
    lines.add("transient RAM allocated by the applet: " + Transients.RAM_BYTES + " bytes");
    for (Curve curve : Curve.values()) {
      long before = t.card.commandsSent();
      t.card.generateKey(0, curve);
      long generate = t.card.commandsSent() - before;

      before = t.card.commandsSent();
      byte[] cms = t.card.attestCms(0, TestPki.randomBytes(32));
      long cmsTrips = t.card.commandsSent() - before;
      int withoutCertificate = withoutCertificates(cms);

      before = t.card.commandsSent();
      String jws = t.card.attestJws(0, "n-0123456789abcdef0123456789abcdef", 1767225600L);
      long jwsTrips = t.card.commandsSent() - before;

      before = t.card.commandsSent();
      t.card.sign(0, TestPki.randomBytes(1000));
      long signTrips = t.card.commandsSent() - before;

      lines.add(
          String.format(
              "%s: CMS %d bytes (%d without the certificate), %d APDUs; JWS %d characters, %d"
                  + " APDUs; GENERATE KEY %d APDU; SIGN of 1000 bytes %d APDUs",
              curve.joseName(),
              cms.length,
              withoutCertificate,
              cmsTrips,
              jws.length(),
              jwsTrips,
              generate,
              signTrips));
      assertTrue(cms.length > withoutCertificate + certificate);
      assertTrue(cmsTrips >= 2 && jwsTrips >= 2);
    }
    lines.forEach(System.out::println);
    write(lines);
  }

  /** The same ContentInfo re-encoded without its certificates field. */
  private static int withoutCertificates(byte[] der) throws IOException {
    SignedData full = SignedData.getInstance(ContentInfo.getInstance(der).getContent());
    SignedData bare =
        new SignedData(
            full.getDigestAlgorithms(),
            full.getEncapContentInfo(),
            null,
            null,
            full.getSignerInfos());
    return new ContentInfo(ContentInfo.getInstance(der).getContentType(), bare)
        .getEncoded(ASN1Encoding.DER)
        .length;
  }

  private static void write(List<String> lines) throws IOException {
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("measurements.txt"), lines);
    }
  }
}
