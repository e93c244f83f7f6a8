package dev.attestca.it;

import java.util.List;

/** The JSON documents of the admin API, as the tests read and write them. */
public final class Api {

  private Api() {}

  public record Profile(
      String name,
      Boolean requireAttestation,
      List<String> acceptedFormats,
      List<String> trustedAttestationCas,
      String attestationRevocation,
      String minimumKeyStorage,
      String minimumUserAuthentication,
      Boolean requireNonce,
      Long nonceLifetimeSeconds,
      List<String> allowedKeyAlgorithms,
      List<String> allowedCurves,
      Integer validityDays,
      List<String> keyUsage,
      List<String> extendedKeyUsage,
      List<String> subjectCopiedAttributes,
      List<String> subjectRefusedAttributes,
      Boolean qcSscd,
      Boolean anonymousEnrollment,
      Long version) {

    /** A new profile with only the members a test cares about; the rest take the defaults. */
    public static Profile named(
        String name, boolean requireAttestation, List<String> trustedCas, boolean anonymous) {
      return new Profile(
          name,
          requireAttestation,
          null,
          trustedCas,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          anonymous,
          null);
    }

    /** An update that changes only require_attestation. */
    public static Profile requireAttestation(boolean require) {
      return new Profile(
          null, require, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null);
    }
  }

  public record Problem(String type, String title, int status, String detail, String reason) {}

  public record NewAttestationCa(String certificate, String crl) {}

  public record AttestationCa(
      String sha256,
      String subject,
      String addedAt,
      String crlThisUpdate,
      String crlNextUpdate,
      List<String> trustedByProfiles) {}

  public record AttestationCertificate(
      String sha256,
      String subject,
      String issuer,
      String attestationFormat,
      String appletBuild,
      String appletVersion,
      String firstSeen,
      String lastSeen,
      long issuedCount,
      String status,
      String statusChangedAt,
      String statusChangedBy,
      String statusReason,
      String certificate) {}

  public record Reason(String reason) {}

  public record Certificate(
      String serialNumber,
      String subject,
      String profile,
      String attestationSignerSha256,
      String status,
      String revokedAt,
      String revocationReason,
      String certificate) {}

  public record CertificateStatus(
      String serialNumber, String status, String revokedAt, String revocationReason) {}

  public record BulkRevocation(
      String attestationCertificateSha256, List<CertificateStatus> revoked) {}

  public record AuditEntry(
      long seq,
      String kind,
      String requestId,
      String recordedAt,
      String caller,
      String profile,
      String attestationFormat,
      String attestationCertificateSha256,
      String verdict,
      String reasonCode,
      String detail,
      String issuedSerial,
      String action,
      String target,
      String before,
      String after,
      String previousHash,
      String recordHash) {}

  public record ChainVerification(
      boolean intact,
      long entriesChecked,
      long entriesBeforeChain,
      Long firstBrokenSeq,
      Long firstBrokenId,
      String problem) {}
}
