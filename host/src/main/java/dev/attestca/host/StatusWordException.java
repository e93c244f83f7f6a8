package dev.attestca.host;

import javax.smartcardio.CardException;

/**
 * The card answered a command with a status word other than 9000.
 *
 * <p>The exact status word is kept in {@link #sw()}, so callers can tell, for example, a wrong PIN
 * ({@code 63Cx}) from an empty key slot ({@code 6A88}). Instances are immutable.
 */
public final class StatusWordException extends CardException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final int sw;

  /**
   * Creates the exception.
   *
   * @param command the name of the command that failed, as in docs/apdu-reference.md; not null
   * @param sw the status word, {@code SW1 << 8 | SW2}
   */
  public StatusWordException(String command, int sw) {
    super(String.format("%s failed: SW %04X (%s)", command, sw, meaning(sw)));
    this.command = command;
    this.sw = sw;
  }

  /** The status word the card returned, {@code SW1 << 8 | SW2}. */
  public int sw() {
    return sw;
  }

  /** The name of the command that failed; never null. */
  public String command() {
    return command;
  }

  /**
   * The number of PIN or PUK tries left when the status word is {@code 63Cx}, else -1.
   *
   * @return the retry counter the card reported, or -1
   */
  public int triesLeft() {
    return (sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : -1;
  }

  static String meaning(int sw) {
    if ((sw & 0xFFF0) == 0x63C0) {
      return "verification failed, " + (sw & 0x0F) + " tries left";
    }
    if ((sw & 0xFF00) == 0x6F00 && sw != 0x6F00) {
      return "card crypto error, reason " + (sw & 0xFF);
    }
    switch (sw) {
      case 0x6700:
        return "wrong length";
      case 0x6882:
        return "secure messaging not supported";
      case 0x6884:
        return "command chaining not supported";
      case 0x6982:
        return "security status not satisfied: PIN not verified";
      case 0x6983:
        return "authentication method blocked";
      case 0x6985:
        return "conditions of use not satisfied";
      case 0x6986:
        return "command not allowed";
      case 0x6A80:
        return "incorrect data";
      case 0x6A81:
        return "function not supported";
      case 0x6A84:
        return "not enough memory";
      case 0x6A86:
        return "incorrect P1/P2";
      case 0x6A88:
        return "referenced data not found";
      case 0x6D00:
        return "instruction not supported";
      case 0x6E00:
        return "class not supported";
      case 0x6F00:
        return "no precise diagnosis";
      default:
        return "unknown status word";
    }
  }
}
