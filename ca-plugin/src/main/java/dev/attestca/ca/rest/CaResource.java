package dev.attestca.ca.rest;

import dev.attestca.ca.issuance.CertificateAuthority;
import dev.attestca.ca.issuance.Pem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.security.cert.CertificateEncodingException;

/** The issuing CA's certificate, as PEM or DER. */
@Path("ca")
@RequestScoped
public class CaResource {

  static final String PEM_CHAIN = "application/pem-certificate-chain";
  static final String PKIX_CERT = "application/pkix-cert";

  @Inject CertificateAuthority ca;

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
}
