package dev.attestca.applet;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Signature checks under each provider set the product ships with: the JDK's and BC's. */
final class Verify {
  /** One Bouncy Castle provider instance, never installed globally. */
  static final Provider BC = new BouncyCastleProvider();

  private Verify() {}

  /** True if the DER ECDSA signature verifies under the JDK's SunEC provider. */
  static boolean jdk(String algorithm, PublicKey key, byte[] data, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(algorithm, "SunEC");
    verifier.initVerify(key);
    verifier.update(data);
    return verifier.verify(signature);
  }

  /** True if the DER ECDSA signature verifies under Bouncy Castle. */
  static boolean bc(String algorithm, PublicKey key, byte[] data, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(algorithm, BC);
    verifier.initVerify(key);
    verifier.update(data);
    return verifier.verify(signature);
  }
}
