package dev.attestca.ca.profile;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.audit.AuditLog;
import dev.attestca.ca.enrollment.ProfilePolicy;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.verifier.ReasonCode;
import dev.attestca.verifier.VerifierConfigurationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates, reads and changes certificate profiles. Every change is validated as a whole (the
 * verification policy it maps to must build) before it commits, and is audited with the profile
 * before and after. The next enrollment on any node reads the committed profile.
 */
@Stateless
public class ProfileService {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject ProfileRules rules;

  public List<ProfileDocument> list() {
    return em.createQuery(
            "select p from CertificateProfile p order by p.name", CertificateProfile.class)
        .getResultStream()
        .map(ProfileDocument::of)
        .toList();
  }

  public ProfileDocument get(String name) {
    return ProfileDocument.of(require(name, false));
  }

  /** Creates a profile; members left out take the defaults of a new profile. */
  public ProfileDocument create(ProfileDocument document, String caller) {
    String name = document.name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new OperatorRefusal(
          ReasonCode.PROFILE_INVALID,
          "name must be 1 to 64 characters of a-z, 0-9, '.', '_', '-', starting with a letter"
              + " or digit; got '"
              + name
              + "'");
    }
    if (!em.createNamedQuery(CertificateProfile.BY_NAME, CertificateProfile.class)
        .setParameter("name", name)
        .getResultList()
        .isEmpty()) {
      throw exists(name);
    }
    CertificateProfile profile =
        new CertificateProfile(name, Boolean.TRUE.equals(document.requireAttestation()));
    rules.apply(document, profile);
    checkPolicy(profile);
    try {
      em.persist(profile);
      em.flush();
    } catch (PersistenceException e) {
      // another admin created the same name meanwhile
      throw exists(name);
    }
    ProfileDocument after = ProfileDocument.of(profile);
    audit.adminChange(caller, "profile.create", name, name, null, after);
    return after;
  }

  /**
   * Changes a profile. When {@code document.version()} is given it must be the stored version, so
   * that two admins editing at once do not overwrite each other unknowingly.
   */
  public ProfileDocument update(String name, ProfileDocument document, String caller) {
    CertificateProfile profile = require(name, true);
    if (document.name() != null && !document.name().equals(name)) {
      throw new OperatorRefusal(
          ReasonCode.PROFILE_INVALID,
          "name must not change in an update; got '" + document.name() + "' for '" + name + "'");
    }
    if (document.version() != null && document.version() != profile.getVersion()) {
      throw new OperatorRefusal(
          ReasonCode.PROFILE_VERSION_CONFLICT,
          "version must be the stored version "
              + profile.getVersion()
              + " (someone changed the profile meanwhile); got "
              + document.version());
    }
    ProfileDocument before = ProfileDocument.of(profile);
    rules.apply(document, profile);
    checkPolicy(profile);
    em.flush();
    ProfileDocument after = ProfileDocument.of(profile);
    audit.adminChange(caller, "profile.update", name, name, before, after);
    return after;
  }

  private static OperatorRefusal exists(String name) {
    return new OperatorRefusal(
        ReasonCode.PROFILE_EXISTS, "name must be unused; profile '" + name + "' exists");
  }

  private static void checkPolicy(CertificateProfile profile) {
    try {
      ProfilePolicy.of(profile);
    } catch (VerifierConfigurationException e) {
      throw new OperatorRefusal(ReasonCode.PROFILE_INVALID, e.getMessage());
    }
  }

  private CertificateProfile require(String name, boolean lock) {
    CertificateProfile profile =
        em.createNamedQuery(CertificateProfile.BY_NAME, CertificateProfile.class)
            .setParameter("name", name)
            .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (profile == null) {
      throw new OperatorRefusal(
          ReasonCode.PROFILE_NOT_FOUND,
          "name must be a certificate profile of this CA; got '" + name + "'");
    }
    return profile;
  }
}
