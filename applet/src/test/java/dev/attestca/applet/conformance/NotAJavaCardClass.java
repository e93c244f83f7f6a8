package dev.attestca.applet.conformance;

import java.util.ArrayList;
import java.util.List;
import javacard.framework.APDU;
import javacard.framework.Applet;

/**
 * A deliberately bad "applet" that breaks every rule {@link JavaCardClassChecker} enforces. It is
 * compiled with the test tree (class-file version 61) and never installed; the checker's test
 * proves each break is reported.
 */
public class NotAJavaCardClass extends Applet {
  private final List<String> log = new ArrayList<>();
  private long counter;
  private int width;

  @Override
  public void process(APDU apdu) {
    byte[] copy = new byte[apdu.getBuffer().length];
    counter += copy.length * 1_000_000_007L;
    width = copy.length + 40_000;
    log.add("processed " + counter + " " + width);
  }
}
