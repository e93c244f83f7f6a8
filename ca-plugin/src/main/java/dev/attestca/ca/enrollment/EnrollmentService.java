package dev.attestca.ca.enrollment;

import dev.attestca.ca.audit.AuditLog;
import dev.attestca.ca.issuance.CertificateAuthority;
import dev.attestca.ca.issuance.CertificateTemplate;
import dev.attestca.ca.issuance.Fingerprints;
import dev.attestca.ca.issuance.ProfileVocabulary;
import dev.attestca.ca.model.AuditRecord;
import dev.attestca.ca.model.AuditRecord.Verdict;
import dev.attestca.ca.model.CertificateProfile;
import dev.attestca.ca.model.IssuedCertificate;
import dev.attestca.ca.trust.AttestationCertificateRegistry;
import dev.attestca.verifier.EnrollmentRejectedException;
import dev.attestca.verifier.EnrollmentVerifier;
import dev.attestca.verifier.ReasonCode;
import dev.attestca.verifier.VerifiedAttestation;
import dev.attestca.verifier.VerifiedEnrollment;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The enrollment gate: verifies a request against its profile, issues only when every check passes,
 * and audits every decision.
 *
 * <p>A refusal is returned, not thrown, so that the nonce consumption and the audit record commit
 * with the decision. An unexpected failure (a broken set-up) propagates and rolls back.
 */
@Stateless
public class EnrollmentService {

  private static final Logger LOG = Logger.getLogger(EnrollmentService.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject EnrollmentVerifier verifier;
  @Inject ProfileRepository profiles;
  @Inject NonceService nonces;
  @Inject CertificateAuthority ca;
  @Inject AuditLog audit;
  @Inject AttestationCertificateRegistry attestationCertificates;

  public EnrollmentOutcome enroll(EnrollmentRequest request) {
    String requestId = UUID.randomUUID().toString();
    Optional<CertificateProfile> profile =
        request.profileName() == null ? Optional.empty() : profiles.find(request.profileName());
    if (profile.isEmpty()) {
      return reject(
          requestId,
          request,
          null,
          new EnrollmentRejectedException(
              ReasonCode.PROFILE_UNKNOWN, ProfilePolicy.unknownProfile(request.profileName())),
          null);
    }
    Optional<EnrollmentRejectedException> denied = ProfilePolicy.access(profile.get(), request);
    if (denied.isPresent()) {
      return reject(requestId, request, profile.get(), denied.get(), null);
    }
    VerifiedEnrollment verified;
    X500Name subject;
    VerifiedAttestation attested = null;
    try {
      verified =
          verifier.verify(
              request.csrDer(),
              request.detachedAttestation(),
              ProfilePolicy.of(profile.get()),
              nonces);
      attested = verified.attestation().orElse(null);
      subject = SubjectRules.apply(verified.csr().getSubject(), profile.get());
      if (verified.attestation().isPresent()
          && !attestationCertificates.countIssuance(
              verified.attestation().get(), clock.instant())) {
        throw new EnrollmentRejectedException(
            ReasonCode.ATTESTATION_CERTIFICATE_DISTRUSTED,
            "attestation signer certificate must not be distrusted; "
                + Fingerprints.sha256(verified.attestation().get().signerCertificate())
                + " was distrusted by a CA admin");
      }
    } catch (EnrollmentRejectedException e) {
      return reject(requestId, request, profile.get(), e, attested);
    }
    return issue(requestId, request, profile.get(), verified, subject);
  }

  /**
   * Refuses a request that could not even be handed to the verifier (its fields do not decode),
   * auditing the refusal like any other. A caller the profile would not admit is told that instead,
   * as for a well-formed request.
   */
  public EnrollmentOutcome refuse(
      String profileName, String caller, boolean enroller, ReasonCode reason, String message) {
    EnrollmentRequest request = new EnrollmentRequest(profileName, null, null, caller, enroller);
    Optional<CertificateProfile> profile =
        profileName == null ? Optional.empty() : profiles.find(profileName);
    EnrollmentRejectedException refusal =
        profile
            .flatMap(p -> ProfilePolicy.access(p, request))
            .orElseGet(() -> new EnrollmentRejectedException(reason, message));
    return reject(UUID.randomUUID().toString(), request, profile.orElse(null), refusal, null);
  }

  private EnrollmentOutcome issue(
      String requestId,
      EnrollmentRequest request,
      CertificateProfile profile,
      VerifiedEnrollment verified,
      X500Name subject) {
    boolean keyInSecureElement =
        verified.attestation().map(a -> a.generatedOnCard() && !a.exportable()).orElse(false);
    X509Certificate certificate =
        ca.issue(
            new CertificateTemplate(
                subject,
                verified.publicKey(),
                Duration.ofDays(profile.getValidityDays()),
                ProfileVocabulary.keyUsageBits(profile.getKeyUsage()),
                profile.getExtendedKeyUsage().stream()
                    .flatMap(n -> ProfileVocabulary.keyPurpose(n).stream())
                    .toList(),
                profile.isQcSscd() && keyInSecureElement));
    String format = verified.attestation().map(VerifiedAttestation::format).orElse(null);
    String signer =
        verified.attestation().map(a -> Fingerprints.sha256(a.signerCertificate())).orElse(null);
    String serial = certificate.getSerialNumber().toString(16);
    em.persist(
        new IssuedCertificate(
            serial,
            certificate.getIssuerX500Principal().getName(),
            certificate.getSubjectX500Principal().getName(),
            profile.getName(),
            Fingerprints.sha256(spkiDer(verified)),
            signer,
            requestId,
            certificate.getNotBefore().toInstant(),
            certificate.getNotAfter().toInstant(),
            encoded(certificate)));
    audit.append(
        AuditRecord.enrollment(
            requestId,
            clock.instant(),
            request.caller(),
            profile.getName(),
            format,
            signer,
            Verdict.ISSUED,
            null,
            null,
            serial));
    LOG.info(
        () ->
            "enrollment "
                + requestId
                + " profile="
                + profile.getName()
                + " format="
                + format
                + " verdict=ISSUED serial="
                + serial);
    return new EnrollmentOutcome.Issued(
        requestId, certificate, ca.chain(), profile.getName(), format);
  }

  private EnrollmentOutcome reject(
      String requestId,
      EnrollmentRequest request,
      CertificateProfile profile,
      EnrollmentRejectedException e,
      VerifiedAttestation attestation) {
    String profileName = profile == null ? request.profileName() : profile.getName();
    audit.append(
        AuditRecord.enrollment(
            requestId,
            clock.instant(),
            request.caller(),
            profileName,
            attestation == null ? null : attestation.format(),
            attestation == null ? null : Fingerprints.sha256(attestation.signerCertificate()),
            Verdict.REJECTED,
            e.reason().name(),
            e.getMessage(),
            null));
    LOG.info(
        () ->
            "enrollment "
                + requestId
                + " profile="
                + profileName
                + " verdict=REJECTED reason="
                + e.reason());
    return new EnrollmentOutcome.Rejected(requestId, e.reason(), e.getMessage());
  }

  private static byte[] spkiDer(VerifiedEnrollment verified) {
    try {
      return verified.publicKey().getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("verified public key does not encode", e);
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("issued certificate does not encode", e);
    }
  }
}
