package dev.attestca.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/** AttestCard's transport rules, against a scripted channel: chaining, GET RESPONSE, errors. */
class AttestCardTransmitTest {
  /** Records commands and answers them from a script. */
  private static final class ScriptedChannel extends CardChannel {
    final List<CommandAPDU> sent = new ArrayList<>();
    final Deque<ResponseAPDU> answers = new ArrayDeque<>();

    void answer(String hex) {
      answers.add(new ResponseAPDU(HexFormat.of().parseHex(hex)));
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) {
      sent.add(command);
      return answers.remove();
    }

    @Override
    public Card getCard() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  @Test
  void longDataIsChainedInBlocksOf240() throws Exception {
    ScriptedChannel channel = new ScriptedChannel();
    channel.answer("9000");
    channel.answer("9000");
    channel.answer("30029000");
    byte[] data = new byte[600];
    Arrays.fill(data, (byte) 7);
    byte[] answer = new AttestCard(channel).sign(1, data);
    assertArrayEquals(new byte[] {0x30, 0x02}, answer);
    assertEquals(3, channel.sent.size());
    assertEquals(
        List.of(0x90, 0x90, 0x80), channel.sent.stream().map(CommandAPDU::getCLA).toList());
    assertEquals(List.of(240, 240, 120), channel.sent.stream().map(CommandAPDU::getNc).toList());
    assertTrue(channel.sent.stream().allMatch(c -> c.getINS() == 0x50 && c.getP1() == 1));
  }

  @Test
  void answersAreCollectedThroughGetResponse() throws Exception {
    ScriptedChannel channel = new ScriptedChannel();
    channel.answer("0102" + "6100");
    channel.answer("0304" + "6102");
    channel.answer("0506" + "9000");
    AttestCard card = new AttestCard(channel);
    byte[] answer = card.attestCms(0, new byte[8]);
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, answer);
    assertEquals(3, card.commandsSent());
    assertEquals(0xC0, channel.sent.get(1).getINS());
    assertEquals(256, channel.sent.get(1).getNe());
    assertEquals(2, channel.sent.get(2).getNe());
  }

  @Test
  void statusWordIsKeptInTheException() {
    ScriptedChannel channel = new ScriptedChannel();
    channel.answer("63C1");
    StatusWordException e =
        assertThrows(
            StatusWordException.class,
            () -> new AttestCard(channel).verifyPin("0000".toCharArray()));
    assertEquals(0x63C1, e.sw());
    assertEquals(1, e.triesLeft());
    assertEquals("VERIFY", e.command());
  }

  @Test
  void failedChainBlockStopsTheChain() {
    ScriptedChannel channel = new ScriptedChannel();
    channel.answer("6982");
    StatusWordException e =
        assertThrows(
            StatusWordException.class, () -> new AttestCard(channel).sign(0, new byte[500]));
    assertEquals(0x6982, e.sw());
    assertEquals(1, channel.sent.size());
  }

  @Test
  void pinFieldIsPaddedWithFf() {
    assertArrayEquals(
        HexFormat.of().parseHex("31323334FFFFFFFF"), AttestCard.pinField("1234".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> AttestCard.pinField(new char[9]));
  }

  @Test
  void infoTlvsAreParsed() throws Exception {
    byte[] tlv =
        HexFormat.of()
            .parseHex("8005302E312E30" + "810162" + "82011D" + "830108" + "8403020501" + "850183");
    CardInfo info = AttestCard.parseInfo(tlv);
    assertEquals("0.1.0", info.appletVersion());
    assertEquals("b", info.appletBuild());
    assertEquals(Set.of(Curve.P256), info.curves());
    assertTrue(info.ecdsaSha384() && info.precomputedHash());
    assertEquals(8, info.slotCount());
    assertEquals(2, info.pinTriesLeft());
    assertEquals(5, info.pukTriesLeft());
    assertTrue(info.pinVerified() && info.attestationKeyStored() && info.certificateStored());
    assertTrue(info.locked());
  }
}
