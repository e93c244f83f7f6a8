package dev.attestca.applet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attestca.applet.AttestationApplet;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's Java Card gate: the applet's main classes must pass {@link JavaCardClassChecker}
 * (this test failing fails the build), and the checker must catch a class that breaks its rules.
 */
class JavaCardClassCheckerTest {
  private final JavaCardClassChecker checker = new JavaCardClassChecker("dev/attestca/applet");

  @Test
  void appletClassesUseOnlyTheJavaCardApiAtClassVersion52() throws Exception {
    Path classes = classRoot(AttestationApplet.class);
    try (Stream<Path> files = Files.walk(classes)) {
      long count = files.filter(f -> f.toString().endsWith(".class")).count();
      assertTrue(count >= 8, "expected the applet's classes under " + classes + ", found " + count);
    }
    List<String> problems = checker.checkTree(classes);
    assertEquals(List.of(), problems, "applet classes that a Java Card converter would refuse");
  }

  @Test
  void badClassIsReportedOnEveryRule() throws Exception {
    Path bad =
        classRoot(NotAJavaCardClass.class)
            .resolve("dev/attestca/applet/conformance/NotAJavaCardClass.class");
    List<String> problems = checker.check(bad);
    String all = String.join("\n", problems);
    assertContains(all, "class-file version 61 is above 52");
    assertContains(all, "references java/util/ArrayList");
    assertContains(all, "uses java/util/List");
    assertContains(all, "field width uses int");
    assertContains(all, "field counter uses long");
    assertContains(all, "long constant");
    assertContains(all, "loads the int constant 40000");
    assertContains(all, "dynamic invocation");
    assertContains(all, "method process allocates");
  }

  private static void assertContains(String problems, String expected) {
    assertTrue(problems.contains(expected), "expected \"" + expected + "\" in:\n" + problems);
  }

  private static Path classRoot(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
