package dev.attestca.ca.enrollment;

import dev.attestca.ca.model.CertificateProfile;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Looks profiles up by name, fresh from the database for every request. */
@Stateless
public class ProfileRepository {

  @PersistenceContext EntityManager em;

  public Optional<CertificateProfile> find(String name) {
    return em.createNamedQuery(CertificateProfile.BY_NAME, CertificateProfile.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }
}
