package dev.attestca.applet;

/** The applet's version and build, as the attestations state them (UTF-8, here ASCII). */
final class Identity {
  /** AppletIdentity.appletVersion. */
  static final byte[] VERSION = {'0', '.', '1', '.', '0'};

  /** AppletIdentity.appletBuild: the build an attestation key is issued for. */
  static final byte[] BUILD = {
    'a', 't', 't', 'e', 's', 't', 'c', 'a', '-', 'a', 'p', 'p', 'l', 'e', 't', '-', '0', '.', '1',
    '.', '0', '-', 'd', 'e', 'v'
  };

  private Identity() {}
}
