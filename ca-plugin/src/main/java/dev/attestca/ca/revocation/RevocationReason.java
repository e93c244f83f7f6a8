package dev.attestca.ca.revocation;

import java.util.Optional;

/**
 * The RFC 5280 (section 5.3.1) CRLReason values this CA revokes with, by their ASN.1 names. {@code
 * removeFromCRL} is absent: it belongs to delta CRLs, which this CA does not publish.
 */
public enum RevocationReason {
  UNSPECIFIED("unspecified", 0),
  KEY_COMPROMISE("keyCompromise", 1),
  CA_COMPROMISE("cACompromise", 2),
  AFFILIATION_CHANGED("affiliationChanged", 3),
  SUPERSEDED("superseded", 4),
  CESSATION_OF_OPERATION("cessationOfOperation", 5),
  CERTIFICATE_HOLD("certificateHold", 6),
  PRIVILEGE_WITHDRAWN("privilegeWithdrawn", 9),
  AA_COMPROMISE("aACompromise", 10);

  private final String rfcName;
  private final int code;

  RevocationReason(String rfcName, int code) {
    this.rfcName = rfcName;
    this.code = code;
  }

  /** The name as RFC 5280 spells it, for example {@code keyCompromise}. */
  public String rfcName() {
    return rfcName;
  }

  /** The CRLReason enumeration value. */
  public int code() {
    return code;
  }

  /** The reason with the RFC 5280 name {@code name}, if there is one. */
  public static Optional<RevocationReason> named(String name) {
    for (RevocationReason reason : values()) {
      if (reason.rfcName.equals(name)) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }

  /** Every accepted name, for messages. */
  public static String names() {
    StringBuilder out = new StringBuilder();
    for (RevocationReason reason : values()) {
      out.append(out.length() == 0 ? "" : ", ").append(reason.rfcName);
    }
    return out.toString();
  }
}
