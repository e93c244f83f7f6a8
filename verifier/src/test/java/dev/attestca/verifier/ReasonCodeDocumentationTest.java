package dev.attestca.verifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/reason-codes.md lists every code with its HTTP status and kind. */
class ReasonCodeDocumentationTest {
  private static final Path DOC = Path.of("..", "docs", "reason-codes.md");

  @ParameterizedTest
  @EnumSource(ReasonCode.class)
  void everyCodeIsDocumentedWithItsStatusAndKind(ReasonCode code) throws Exception {
    String doc = Files.readString(DOC);
    String row =
        "| `"
            + code.name()
            + "` | "
            + code.httpStatus()
            + " | "
            + code.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " |";
    assertTrue(doc.contains(row), "docs/reason-codes.md must contain the row " + row);
  }
}
