package dev.attestca.ca.rest;

import dev.attestca.ca.issuance.CertificateAuthority;
import dev.attestca.ca.issuance.Pem;
import dev.attestca.ca.revocation.CrlService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.security.cert.CertificateEncodingException;

/** The issuing CA's certificate, as PEM or DER, and its CRL. Public: no credentials needed. */
@Path("ca")
@RequestScoped
public class CaResource {

  static final String PEM_CHAIN = "application/pem-certificate-chain";
  static final String PKIX_CERT = "application/pkix-cert";

  static final String PKIX_CRL = "application/pkix-crl";

  @Inject CertificateAuthority ca;
  @Inject CrlService crl;

  @GET
  @Path("certificate")
  @Produces(PEM_CHAIN)
  public String certificatePem() {
    return Pem.certificate(ca.certificate());
  }

  @GET
  @Path("certificate")
  @Produces(PKIX_CERT)
  public byte[] certificateDer() throws CertificateEncodingException {
    return ca.certificate().getEncoded();
  }

  /**
   * The CA's current CRL, DER (RFC 5280 section 5); issued certificates name this URL in their CRL
   * distribution point.
   */
  @GET
  @Path("crl")
  @Produces(PKIX_CRL)
  public byte[] crl() {
    return crl.currentDer();
  }
}
