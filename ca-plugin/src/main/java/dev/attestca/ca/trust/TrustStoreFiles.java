package dev.attestca.ca.trust;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Attestation CA certificates and CRLs in a directory: {@code *.pem} certificates, {@code
 * *.crl} and {@code *.crl.pem} CRLs. Operators keep them under {@code config/} and name the
 * directory with the system property {@value #DIRECTORY_PROPERTY}.
 */
public final class TrustStoreFiles {

  public static final String DIRECTORY_PROPERTY = "attestca.trust-anchors.dir";

  /** What a directory holds. */
  public record Contents(List<X509Certificate> certificates, List<X509CRL> crls) {}

  private TrustStoreFiles() {}

  public static Contents read(Path directory) throws IOException, GeneralSecurityException {
    List<X509Certificate> certificates = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".crl") || name.endsWith(".crl.pem")) {
          crls.addAll(Pkix.crls(Files.readAllBytes(file)));
        } else if (name.endsWith(".pem")) {
          certificates.addAll(Pkix.certificates(Files.readAllBytes(file)));
        }
      }
    }
    return new Contents(certificates, crls);
  }

  /** The configured directory, or null when the property is not set. */
  public static Path configuredDirectory() {
    String directory = System.getProperty(DIRECTORY_PROPERTY);
    return directory == null || directory.isBlank() ? null : Path.of(directory);
  }
}
