package dev.attestca.ca.admin;

import jakarta.ws.rs.core.SecurityContext;

/** The name the audit trail records for the caller of a request. */
public final class Callers {

  private Callers() {}

  /** The authenticated caller's name, or null when the caller is anonymous. */
  public static String name(SecurityContext security) {
    return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
  }
}
