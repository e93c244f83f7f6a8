package dev.attestca.ca.compat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Compares an issuer DN as a client wrote it with a certificate's name. Clients write DNs in two
 * orders: RFC 4514's (most specific RDN first, e.g. {@code CN=CA,O=Org}) and the encoding order
 * EJBCA and some libraries print; both name the same CA.
 */
final class IssuerNames {

  private IssuerNames() {}

  /** Whether {@code text} names {@code name}, in either RDN order; false when it does not parse. */
  static boolean sameName(String text, X500Principal name) {
    if (text == null || text.isBlank()) {
      return false;
    }
    try {
      X500Principal asWritten = new X500Principal(text);
      if (asWritten.equals(name)) {
        return true;
      }
      List<Rdn> rdns = new ArrayList<>(new LdapName(text).getRdns());
      Collections.reverse(rdns);
      return new X500Principal(new LdapName(rdns).toString()).equals(name);
    } catch (IllegalArgumentException | InvalidNameException e) {
      return false;
    }
  }
}
