package dev.attestca.client;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code attestca} command line. */
@Command(
    name = "attestca",
    mixinStandardHelpOptions = true,
    version = "attestca 0.1.0",
    description = "Enroll card-generated keys with an AttestCA certificate authority.",
    subcommands = {EnrollCommand.class, DevPkiCommand.class})
public final class AttestCaCli {

  public static void main(String[] args) {
    System.exit(new CommandLine(new AttestCaCli()).execute(args));
  }
}
