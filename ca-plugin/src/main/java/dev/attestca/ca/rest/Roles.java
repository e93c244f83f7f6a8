package dev.attestca.ca.rest;

/**
 * The roles of the CA, as the security domain maps them and as web.xml and {@code @RolesAllowed}
 * name them.
 */
public final class Roles {

  /** Creates and changes certificate profiles. */
  public static final String POLICY_ADMIN = "policy-admin";

  /** Manages the trust store and attestation certificates, and revokes certificates. */
  public static final String CA_ADMIN = "ca-admin";

  /** Reads and verifies the audit trail. */
  public static final String AUDITOR = "auditor";

  /** Enrolls on profiles that do not allow anonymous enrollment. */
  public static final String ENROLLER = "enroller";

  private Roles() {}
}
