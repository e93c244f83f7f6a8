package dev.attestca.ca.rest;

import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.audit.AuditTrail;
import dev.attestca.ca.issuance.Fingerprints;
import dev.attestca.ca.model.AuditRecord;
import dev.attestca.verifier.ReasonCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The audit trail, for auditors: queries, and the verification of its hash chain. */
@Path("admin/audit")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AuditResource {

  /** One audit entry as the API shows it; {@code before} and {@code after} are JSON text. */
  public record AuditEntry(
      long seq,
      String kind,
      String requestId,
      Instant recordedAt,
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
      String recordHash) {

    static AuditEntry of(AuditRecord r) {
      return new AuditEntry(
          r.getSeq(),
          r.getKind(),
          r.getRequestId(),
          r.getRecordedAt(),
          r.getCaller(),
          r.getProfileName(),
          r.getAttestationFormat(),
          r.getAttestationSignerSha256(),
          r.getVerdict(),
          r.getReasonCode(),
          r.getDetail(),
          r.getIssuedSerial(),
          r.getAction(),
          r.getTarget(),
          r.getBeforeJson(),
          r.getAfterJson(),
          r.getPreviousHash(),
          r.getRecordHash());
    }
  }

  @Inject AuditTrail trail;

  /**
   * Entries in chain order. {@code from} (inclusive) and {@code to} (exclusive) are RFC 3339
   * instants; {@code after_seq} pages on from the last entry of the previous page.
   */
  @GET
  public List<AuditEntry> query(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("profile") String profile,
      @QueryParam("verdict") String verdict,
      @QueryParam("attestation_certificate") String attestationCertificate,
      @QueryParam("kind") String kind,
      @QueryParam("after_seq") String afterSeq,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    return trail
        .query(
            new AuditTrail.Filter(
                instant("from", from),
                instant("to", to),
                profile,
                oneOf("verdict", verdict, AuditRecord.Verdict.values()),
                Fingerprints.parameter(
                    "attestation_certificate", attestationCertificate, "a SHA-256 fingerprint"),
                oneOf("kind", kind, AuditRecord.Kind.values()),
                afterSeq == null ? null : number("after_seq", afterSeq, 0, Long.MAX_VALUE),
                (int) number("limit", limit, 1, AuditTrail.MAX_RESULTS)))
        .stream()
        .map(AuditEntry::of)
        .toList();
  }

  /** Walks the hash chain and names the first entry that does not verify. */
  @GET
  @Path("verification")
  public AuditTrail.ChainVerification verify() {
    return trail.verify();
  }

  private static Instant instant(String member, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new OperatorRefusal(
          ReasonCode.PARAMETER_INVALID,
          member
              + " must be an RFC 3339 instant such as 2026-12-03T20:00:00Z; got '"
              + value
              + "'");
    }
  }

  private static long number(String member, String value, long minimum, long maximum) {
    try {
      long number = Long.parseLong(value);
      if (number >= minimum && number <= maximum) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below with the same sentence as an out-of-range number
    }
    throw new OperatorRefusal(
        ReasonCode.PARAMETER_INVALID,
        member
            + " must be a whole number from "
            + minimum
            + " to "
            + maximum
            + "; got '"
            + value
            + "'");
  }

  /** The constant named by {@code value} in any case, as the stored upper-case name. */
  private static String oneOf(String member, String value, Enum<?>[] constants) {
    if (value == null) {
      return null;
    }
    List<String> names = Arrays.stream(constants).map(Enum::name).toList();
    String name = value.toUpperCase(Locale.ROOT);
    if (!names.contains(name)) {
      throw new OperatorRefusal(
          ReasonCode.PARAMETER_INVALID,
          member + " must be one of " + names + " in any case; got '" + value + "'");
    }
    return name;
  }
}
