package dev.attestca.client;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a new DEVELOPMENT-ONLY Attestation CA and applet attestation key: the files in {@code
 * config/dev} were made with it.
 */
@Command(
    name = "dev-pki",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a DEVELOPMENT-ONLY demo Attestation CA certificate and an applet attestation key"
          + " and certificate issued by it, as PEM files. Never use them in production."
    })
final class DevPkiCommand implements Callable<Integer> {

  static final String CA_NAME = "CN=AttestCA Demo Attestation CA (DEVELOPMENT ONLY),O=AttestCA";
  static final String ATTESTATION_NAME =
      "CN=AttestCA Applet Attestation Key (DEVELOPMENT ONLY),OU=Build dev,O=AttestCA";

  @Option(
      names = "--out",
      required = true,
      description = "Directory to write the PEM files to (created if missing).")
  Path out;

  @Override
  public Integer call() throws Exception {
    AttestationPki.generate(CA_NAME, ATTESTATION_NAME).write(out);
    System.out.println(
        "wrote "
            + String.join(
                ", ",
                AttestationPki.CA_FILE,
                AttestationPki.CRL_FILE,
                AttestationPki.CERTIFICATE_FILE,
                AttestationPki.KEY_FILE)
            + " to "
            + out.toAbsolutePath());
    return 0;
  }
}
