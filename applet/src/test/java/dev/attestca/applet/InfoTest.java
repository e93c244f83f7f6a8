package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.host.AttestCard;
import dev.attestca.host.CardInfo;
import dev.attestca.host.Curve;
import java.util.Set;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.Test;

/** GET INFO, and SELECT answering the same. */
class InfoTest {
  @Test
  void blankCardReportsItsCapabilitiesAndState() throws Exception {
    TestCard t = TestCard.blank();
    CardInfo info = t.card.info();
    assertEquals("0.1.0", info.appletVersion());
    assertEquals("attestca-applet-0.1.0-dev", info.appletBuild());
    assertEquals(Set.of(Curve.P256, Curve.P384), info.curves());
    assertTrue(info.ecdsaSha384());
    assertTrue(info.precomputedHash());
    assertEquals(AttestCard.SLOT_COUNT, info.slotCount());
    assertEquals(3, info.pinTriesLeft());
    assertEquals(5, info.pukTriesLeft());
    assertFalse(info.pinVerified());
    assertFalse(info.attestationKeyStored());
    assertFalse(info.certificateStored());
    assertFalse(info.locked());
  }

  @Test
  void personalisedCardReportsLockedAndVerified() throws Exception {
    CardInfo info = TestCard.personalised().card.info();
    assertTrue(info.attestationKeyStored());
    assertTrue(info.certificateStored());
    assertTrue(info.locked());
    assertTrue(info.pinVerified());
  }

  @Test
  void selectAnswersTheInfo() throws Exception {
    TestCard t = TestCard.personalisedWithoutPin();
    byte[] selected =
        t.channel
            .transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, AttestCard.aid(), 256))
            .getData();
    byte[] info = t.channel.transmit(new CommandAPDU(0x80, 0x02, 0, 0, 256)).getData();
    assertArrayEquals(info, selected);
  }

  @Test
  void headerIsChecked() throws Exception {
    TestCard t = TestCard.blank();
    t.expectSw(0x6A86, 0x80, 0x02, 1, 0, null);
    t.expectSw(0x6700, 0x80, 0x02, 0, 0, new byte[1]);
    t.card.info();
  }
}
