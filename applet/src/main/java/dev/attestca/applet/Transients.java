package dev.attestca.applet;

import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * All of the applet's RAM: one work buffer and one array of short registers, both cleared on
 * deselect. The registers are reached through the typed accessors below; their offsets are named.
 *
 * <p>The work buffer holds the answer being built and sent. Its two halves have fixed roles while a
 * CMS attestation is built: the SignerInfo is assembled forwards in the first {@link #TAIL_REGION}
 * bytes, everything before the certificate backwards from the end.
 */
final class Transients {
  /** Bytes of the SignerInfo region at the start of the work buffer. */
  static final short TAIL_REGION = 512;

  /** Bytes of the region after it, where the part before the certificate is built. */
  static final short HEAD_REGION = 512;

  /** Bytes of the work buffer. */
  static final short WORK_LENGTH = (short) (TAIL_REGION + HEAD_REGION);

  /** Kinds of pending answer. */
  static final byte OUT_NONE = 0;

  /** The answer is {@code work[first, first + firstLength)}. */
  static final byte OUT_WORK = 1;

  /** The answer is the first region, the attestation certificate, then the last region. */
  static final byte OUT_CMS = 2;

  /** The answer is a JWS computed on the fly (see {@link JwsAttestation}). */
  static final byte OUT_JWS = 3;

  // register offsets
  private static final byte OUT_KIND = 0;
  private static final byte OUT_POSITION = 1;
  private static final byte OUT_LENGTH = 2;
  private static final byte FIRST_OFFSET = 3;
  private static final byte FIRST_LENGTH = 4;
  private static final byte LAST_OFFSET = 5;
  private static final byte LAST_LENGTH = 6;
  private static final byte CHAIN_INS = 7;
  private static final byte CHAIN_P1P2 = 8;
  private static final byte CHAIN_OFFSET = 9;
  private static final byte REGISTER_COUNT = 10;

  /** CHAIN_INS when no chain is in progress; INS 00 is never chained. */
  private static final short NO_CHAIN = 0;

  /** RAM this class allocates, in bytes. */
  static final short RAM_BYTES = (short) (WORK_LENGTH + 2 * REGISTER_COUNT);

  final byte[] work;
  private final short[] registers;

  Transients() {
    work = JCSystem.makeTransientByteArray(WORK_LENGTH, JCSystem.CLEAR_ON_DESELECT);
    registers = JCSystem.makeTransientShortArray(REGISTER_COUNT, JCSystem.CLEAR_ON_DESELECT);
  }

  // --- pending answer

  /**
   * Makes {@code work[offset, offset + length)} the pending answer.
   *
   * @return the length, for convenience
   */
  short answerFromWork(short offset, short length) {
    setAnswer(OUT_WORK, length, offset, length, (short) 0, (short) 0);
    return length;
  }

  /** Makes the described parts the pending answer, which starts being sent at position 0. */
  void setAnswer(
      byte kind,
      short length,
      short firstOffset,
      short firstLength,
      short lastOffset,
      short lastLength) {
    registers[OUT_KIND] = kind;
    registers[OUT_POSITION] = 0;
    registers[OUT_LENGTH] = length;
    registers[FIRST_OFFSET] = firstOffset;
    registers[FIRST_LENGTH] = firstLength;
    registers[LAST_OFFSET] = lastOffset;
    registers[LAST_LENGTH] = lastLength;
  }

  byte answerKind() {
    return (byte) registers[OUT_KIND];
  }

  short answerPosition() {
    return registers[OUT_POSITION];
  }

  void setAnswerPosition(short position) {
    registers[OUT_POSITION] = position;
  }

  short answerLength() {
    return registers[OUT_LENGTH];
  }

  short firstOffset() {
    return registers[FIRST_OFFSET];
  }

  short firstLength() {
    return registers[FIRST_LENGTH];
  }

  short lastOffset() {
    return registers[LAST_OFFSET];
  }

  short lastLength() {
    return registers[LAST_LENGTH];
  }

  /** Drops any pending answer and wipes the work buffer if it held one. */
  void clearAnswer() {
    if (registers[OUT_KIND] != OUT_NONE) {
      Util.arrayFillNonAtomic(work, (short) 0, WORK_LENGTH, (byte) 0);
      registers[OUT_KIND] = OUT_NONE;
      registers[OUT_LENGTH] = 0;
      registers[OUT_POSITION] = 0;
    }
  }

  // --- command chaining

  /**
   * True if a chain is in progress and the command continues it: same INS, P1 and P2 as the block
   * before.
   */
  boolean continuesChain(byte ins, byte p1, byte p2) {
    return registers[CHAIN_INS] == (short) (ins & 0xFF)
        && registers[CHAIN_P1P2] == Util.makeShort(p1, p2);
  }

  /** How many data bytes the chain in progress has received before this block. */
  short chainOffset() {
    return registers[CHAIN_OFFSET];
  }

  /** Records that a block of the given command arrived and more are expected. */
  void setChain(byte ins, byte p1, byte p2, short offset) {
    registers[CHAIN_INS] = (short) (ins & 0xFF);
    registers[CHAIN_P1P2] = Util.makeShort(p1, p2);
    registers[CHAIN_OFFSET] = offset;
  }

  void clearChain() {
    registers[CHAIN_INS] = NO_CHAIN;
    registers[CHAIN_P1P2] = 0;
    registers[CHAIN_OFFSET] = 0;
  }
}
