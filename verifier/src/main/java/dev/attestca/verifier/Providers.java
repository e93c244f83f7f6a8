package dev.attestca.verifier;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider instance of this library. It is never installed globally. */
final class Providers {
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private Providers() {}

  static Provider bouncyCastle() {
    return BOUNCY_CASTLE;
  }
}
