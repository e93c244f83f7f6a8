package dev.attestca.client;

import java.net.ConnectException;
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
    CommandLine cli = new CommandLine(new AttestCaCli());
    cli.setExecutionExceptionHandler(
        (failure, command, parsed) -> {
          if (failure instanceof ConnectException) {
            command
                .getErr()
                .println(
                    "Cannot connect to the CA ("
                        + (failure.getMessage() == null
                            ? "connection refused"
                            : failure.getMessage())
                        + "): is it running, and does --ca name it?");
            return 1;
          }
          throw failure;
        });
    System.exit(cli.execute(args));
  }
}
