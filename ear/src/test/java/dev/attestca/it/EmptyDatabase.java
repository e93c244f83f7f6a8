package dev.attestca.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Drops and re-creates the PostgreSQL database the integration tests run against, so that every
 * PostgreSQL run starts from an empty database. Run by the build before the integration tests.
 *
 * <p>Arguments: the JDBC URL of another database on the server (the project uses {@code test}), the
 * user, and the name of the test database.
 */
public final class EmptyDatabase {

  private EmptyDatabase() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 3 || !args[2].matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "arguments must be: maintenance JDBC URL, user, test database name [a-z0-9_]");
    }
    Properties credentials = new Properties();
    credentials.setProperty("user", args[1]);
    try (Connection connection = DriverManager.getConnection(args[0], credentials);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + args[2] + " with (force)");
      statement.execute("create database " + args[2]);
    }
    System.out.println("PostgreSQL database " + args[2] + " is empty");
  }
}
