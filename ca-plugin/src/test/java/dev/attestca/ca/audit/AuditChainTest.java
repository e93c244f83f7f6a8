package dev.attestca.ca.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.attestca.ca.model.AuditChainHead;
import dev.attestca.ca.model.AuditRecord;
import dev.attestca.ca.model.AuditRecord.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static final Instant AT = Instant.parse("2026-12-03T20:00:00.123456789Z");

  private static AuditRecord refusal(String detail) {
    return AuditRecord.enrollment(
        "request-1",
        AT,
        null,
        "attested",
        null,
        null,
        Verdict.REJECTED,
        "NONCE_REUSED",
        detail,
        null);
  }

  @Test
  void hashIsSha256HexAndRepeatable() {
    String first = AuditChain.hash(AuditChainHead.GENESIS, 1, refusal("nonce was used"));
    String again = AuditChain.hash(AuditChainHead.GENESIS, 1, refusal("nonce was used"));

    assertEquals(64, first.length());
    assertEquals(first, again);
  }

  @Test
  void changingAnyFieldThePositionOrThePreviousHashChangesTheHash() {
    String original = AuditChain.hash(AuditChainHead.GENESIS, 1, refusal("nonce was used"));

    assertNotEquals(original, AuditChain.hash(AuditChainHead.GENESIS, 1, refusal("nonce was new")));
    assertNotEquals(
        original, AuditChain.hash(AuditChainHead.GENESIS, 2, refusal("nonce was used")));
    assertNotEquals(original, AuditChain.hash("1".repeat(64), 1, refusal("nonce was used")));
  }

  @Test
  void absentAndEmptyValuesAreDifferentContent() {
    assertNotEquals(AuditChain.canonical(1, refusal(null)), AuditChain.canonical(1, refusal("")));
  }

  @Test
  void valuesCannotBleedIntoTheNextField() {
    AuditRecord a =
        AuditRecord.adminChange(
            "r", AT, "alice", "profile.update", "x\ntarget=1:y", null, null, null);
    AuditRecord b =
        AuditRecord.adminChange("r", AT, "alice", "profile.update", "x", null, null, null);

    assertNotEquals(AuditChain.canonical(1, a), AuditChain.canonical(1, b));
  }

  @Test
  void timeIsKeptToTheMicrosecondTheDatabaseStores() {
    assertEquals(Instant.parse("2026-12-03T20:00:00.123456Z"), refusal("x").getRecordedAt());
  }
}
