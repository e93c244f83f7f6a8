package dev.attestca.host;

import java.util.List;
import java.util.stream.Collectors;
import javacard.framework.Applet;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * Opens a channel to a card: a PC/SC reader named by the system property {@value #READER_PROPERTY},
 * or a fresh simulated card when the property is unset, empty or {@code simulator}. Test suites use
 * it so that the same tests run against jcardsim and real cards.
 */
public final class CardConnector {
  /** The system property naming the PC/SC reader to use. */
  public static final String READER_PROPERTY = "attestca.reader";

  /** The property value (and the default) that selects the simulator. */
  public static final String SIMULATOR = "simulator";

  private CardConnector() {}

  /** True if {@value #READER_PROPERTY} selects the simulator (the default). */
  public static boolean usesSimulator() {
    String reader = System.getProperty(READER_PROPERTY, "").trim();
    return reader.isEmpty() || reader.equals(SIMULATOR);
  }

  /**
   * Opens the card the system property selects.
   *
   * @param simulatedApplet the applet to install when the simulator is selected; not null
   * @return the basic channel of the card
   * @throws CardException if the reader is missing or holds no card
   */
  public static CardChannel open(Class<? extends Applet> simulatedApplet) throws CardException {
    if (usesSimulator()) {
      return SimulatedCard.start(simulatedApplet);
    }
    return openReader(System.getProperty(READER_PROPERTY).trim());
  }

  /**
   * Connects to the card in the PC/SC reader with the given name, with any protocol.
   *
   * @param readerName the reader's name exactly as PC/SC lists it; not null
   * @return the basic channel of the card in the reader
   * @throws CardException if no reader has that name or it holds no card; the message lists the
   *     readers that exist
   */
  public static CardChannel openReader(String readerName) throws CardException {
    List<CardTerminal> terminals = TerminalFactory.getDefault().terminals().list();
    for (CardTerminal terminal : terminals) {
      if (terminal.getName().equals(readerName)) {
        return terminal.connect("*").getBasicChannel();
      }
    }
    String names = terminals.stream().map(CardTerminal::getName).collect(Collectors.joining(", "));
    throw new CardException(
        "no PC/SC reader named \"" + readerName + "\"; readers present: [" + names + "]");
  }
}
