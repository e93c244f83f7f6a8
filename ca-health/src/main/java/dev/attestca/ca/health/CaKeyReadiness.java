package dev.attestca.ca.health;

import dev.attestca.ca.api.CertificateService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the CA key is loaded and signs (checked with a throw-away signature). */
@Readiness
@ApplicationScoped
public class CaKeyReadiness implements HealthCheck {

  static final String NAME = "attestca-ca-key";
  private static final Logger LOG = Logger.getLogger(CaKeyReadiness.class.getName());

  @EJB(lookup = CertificateService.JNDI_NAME)
  CertificateService ca;

  @Override
  public HealthCheckResponse call() {
    boolean usable;
    try {
      usable = ca.caKeyUsable();
    } catch (EJBException e) {
      LOG.log(Level.WARNING, "readiness: the CA module does not answer", e);
      usable = false;
    }
    return HealthCheckResponse.named(NAME).status(usable).build();
  }
}
