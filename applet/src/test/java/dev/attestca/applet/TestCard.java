package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attestca.host.AttestCard;
import dev.attestca.host.CardConnector;
import dev.attestca.host.StatusWordException;
import java.util.HexFormat;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.function.Executable;

/**
 * One card under test: a fresh jcardsim card with the applet, or the card in the PC/SC reader that
 * {@code -Dattestca.reader} names. Personalised with a {@link TestPki} of its own.
 */
final class TestCard {
  final CardChannel channel;
  final AttestCard card;
  final TestPki pki;

  private TestCard(CardChannel channel, TestPki pki) {
    this.channel = channel;
    this.card = new AttestCard(channel);
    this.pki = pki;
  }

  /** A selected card, not personalised. */
  static TestCard blank() throws CardException {
    TestCard t = new TestCard(CardConnector.open(AttestationApplet.class), TestPki.generate());
    t.card.select();
    return t;
  }

  /** A selected card, personalised and locked, with the default PIN verified. */
  static TestCard personalised() throws CardException {
    TestCard t = personalisedWithoutPin();
    t.card.verifyPin(AttestCard.DEFAULT_PIN.toCharArray());
    return t;
  }

  /** A selected card, personalised and locked, PIN not verified. */
  static TestCard personalisedWithoutPin() throws CardException {
    TestCard t = blank();
    t.card.personalise(t.pki.attestationPrivateKey(), t.pki.attestationCertificate());
    return t;
  }

  /** Sends one APDU as given, with no chaining or GET RESPONSE help. */
  ResponseAPDU raw(int cla, int ins, int p1, int p2, byte[] data) throws CardException {
    CommandAPDU command =
        data == null
            ? new CommandAPDU(cla, ins, p1, p2, 256)
            : new CommandAPDU(cla, ins, p1, p2, data, 256);
    return channel.transmit(command);
  }

  /** Sends one APDU and asserts its status word. */
  ResponseAPDU expectSw(int sw, int cla, int ins, int p1, int p2, byte[] data)
      throws CardException {
    ResponseAPDU response = raw(cla, ins, p1, p2, data);
    assertEquals(hex(sw), hex(response.getSW()), "status word");
    return response;
  }

  /** Asserts that the action fails with exactly the given status word. */
  static void assertSw(int sw, Executable action) {
    StatusWordException e =
        org.junit.jupiter.api.Assertions.assertThrows(StatusWordException.class, action);
    assertEquals(hex(sw), hex(e.sw()), e.getMessage());
  }

  static String hex(int sw) {
    return HexFormat.of().withUpperCase().toHexDigits((short) sw);
  }
}
