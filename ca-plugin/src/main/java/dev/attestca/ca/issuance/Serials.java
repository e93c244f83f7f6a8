package dev.attestca.ca.issuance;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.verifier.ReasonCode;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Certificate serial numbers as callers write them: hex in either case, with or without leading
 * zeros (OpenSSL prints them with). The CA stores and answers with lower-case hex without leading
 * zeros.
 */
public final class Serials {

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,64}");

  private Serials() {}

  /** The stored form of {@code serial}; refused with PARAMETER_INVALID when it is not hex. */
  public static String normalise(String serial) {
    if (serial == null || !HEX.matcher(serial).matches()) {
      throw new OperatorRefusal(
          ReasonCode.PARAMETER_INVALID,
          "serial must be a certificate serial number in hex (at most 64 digits); got '"
              + serial
              + "'");
    }
    return new BigInteger(serial, 16).toString(16);
  }
}
