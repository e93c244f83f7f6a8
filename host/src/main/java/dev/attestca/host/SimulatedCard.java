package dev.attestca.host;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import javacard.framework.AID;
import javacard.framework.Applet;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * A fresh jcardsim card with one applet installed, reached through {@code javax.smartcardio}.
 *
 * <p>Each call to {@link #start} creates an independent simulated card, so tests do not share
 * state. Simulated cards are not thread-safe: use a channel from one thread at a time.
 */
public final class SimulatedCard {
  private SimulatedCard() {}

  /**
   * Starts a simulated card with the applet installed under {@link AttestCard#aid()}.
   *
   * @param appletClass the applet to install; not null
   * @return the basic channel of the simulated card; the applet is installed, not yet selected
   * @throws CardException if the applet cannot be installed
   */
  public static CardChannel start(Class<? extends Applet> appletClass) throws CardException {
    return start(appletClass, AttestCard.aid());
  }

  /**
   * Starts a simulated card with the applet installed under the given AID.
   *
   * @param appletClass the applet to install; not null
   * @param aid the instance AID, 5 to 16 bytes; not null
   * @return the basic channel of the simulated card
   * @throws CardException if the applet cannot be installed
   */
  public static CardChannel start(Class<? extends Applet> appletClass, byte[] aid)
      throws CardException {
    if (aid.length < 5 || aid.length > 16) {
      throw new IllegalArgumentException("an AID has 5 to 16 bytes, not " + aid.length);
    }
    CardSimulator simulator = new CardSimulator();
    byte[] install = installData(aid);
    try {
      simulator.installApplet(
          new AID(aid, (short) 0, (byte) aid.length),
          appletClass,
          install,
          (short) 0,
          (byte) install.length);
    } catch (RuntimeException e) {
      throw new CardException("cannot install " + appletClass.getName() + " in jcardsim", e);
    }
    return CardTerminalSimulator.terminal(simulator).connect("T=1").getBasicChannel();
  }

  /**
   * GlobalPlatform INSTALL [for install] parameters as the applet's install method receives them:
   * the instance AID, empty privileges and empty application parameters, each length-prefixed.
   */
  static byte[] installData(byte[] aid) {
    byte[] data = new byte[aid.length + 4];
    data[0] = (byte) aid.length;
    System.arraycopy(aid, 0, data, 1, aid.length);
    data[aid.length + 1] = 1; // privileges: one byte
    data[aid.length + 2] = 0; // no privileges
    data[aid.length + 3] = 0; // no application parameters
    return data;
  }
}
