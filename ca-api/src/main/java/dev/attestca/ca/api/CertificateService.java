package dev.attestca.ca.api;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The CA as the compatibility front ends (the EJBCA-shaped REST API) see it: enroll a CSR, look a
 * certificate's revocation status up, revoke it. Implemented by a local session bean of the CA
 * module; every refusal carries a stable reason code.
 */
public interface CertificateService {

  /** The JNDI name under which the CA module exposes this interface to the other modules. */
  String JNDI_NAME =
      "java:app/attestca-ca-plugin/CertificateServiceBean!dev.attestca.ca.api.CertificateService";

  /**
   * Enrolls a DER PKCS#10 request against a certificate profile, with the attestation (if any)
   * inside the CSR's attestation attribute. The decision is audited like every enrollment.
   *
   * @param caller the authenticated caller's name, or null when anonymous
   * @param enroller whether the authenticated caller holds the enroller role; profiles that do not
   *     take anonymous callers require it
   */
  Enrollment enroll(String profileName, byte[] csrDer, String caller, boolean enroller);

  /** Whether the CA key is loaded and signs; never throws. */
  boolean caKeyUsable();

  /** The CA certificate chain, the issuing CA first, DER encoded. */
  java.util.List<byte[]> caChain();

  /**
   * The revocation status of a certificate this CA issued.
   *
   * @param issuerDn the issuer's distinguished name, in RFC 4514 form (either RDN order)
   * @throws RefusedException CERTIFICATE_UNKNOWN when this CA issued no such certificate
   */
  RevocationStatus status(String issuerDn, BigInteger serial) throws RefusedException;

  /**
   * Revokes a certificate this CA issued, as the CA's own revocation does: audited, and on the next
   * CRL.
   *
   * @param reason an RFC 5280 CRLReason name as EJBCA spells it, e.g. KEY_COMPROMISE
   * @param date the revocation date, or null for now
   * @throws RefusedException CERTIFICATE_UNKNOWN, REVOCATION_REASON_INVALID,
   *     CERTIFICATE_ALREADY_REVOKED
   */
  RevocationStatus revoke(
      String issuerDn, BigInteger serial, String reason, Instant date, String caller)
      throws RefusedException;
}
