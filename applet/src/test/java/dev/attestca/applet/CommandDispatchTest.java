package dev.attestca.applet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Header checks every command goes through: class, instruction, chaining, GET RESPONSE. */
class CommandDispatchTest {
  static Stream<Arguments> refusedHeaders() {
    return Stream.of(
        Arguments.of("unknown proprietary instruction → 6D00", 0x80, 0x7E, 0, 0, 0x6D00),
        Arguments.of("unknown interindustry instruction → 6D00", 0x00, 0xB0, 0, 0, 0x6D00),
        Arguments.of("proprietary instruction with CLA 00 → 6E00", 0x00, 0x40, 0, 1, 0x6E00),
        Arguments.of("class byte 40 → 6E00", 0x40, 0x40, 0, 1, 0x6E00),
        Arguments.of("secure messaging bits → 6882", 0x8C, 0x40, 0, 1, 0x6882),
        Arguments.of("chaining on GENERATE KEY → 6884", 0x90, 0x40, 0, 1, 0x6884),
        Arguments.of("chaining on GET PUBLIC KEY → 6884", 0x90, 0x42, 0, 0, 0x6884),
        Arguments.of("GET RESPONSE with nothing pending → 6985", 0x00, 0xC0, 0, 0, 0x6985));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedHeaders")
  void refusedAndCardStaysUsable(String row, int cla, int ins, int p1, int p2, int sw)
      throws Exception {
    TestCard t = TestCard.personalised();
    t.expectSw(sw, cla, ins, p1, p2, null);
    assertUsable(t);
  }

  /** Generates a key in the last slot and checks a signature made with it. */
  static void assertUsable(TestCard t) throws Exception {
    int slot = dev.attestca.host.AttestCard.SLOT_COUNT - 1;
    ECPublicKey key = t.card.generateKey(slot);
    byte[] data = "still usable".getBytes(StandardCharsets.US_ASCII);
    assertTrue(Verify.jdk("SHA256withECDSA", key, data, t.card.sign(slot, data)));
  }
}
