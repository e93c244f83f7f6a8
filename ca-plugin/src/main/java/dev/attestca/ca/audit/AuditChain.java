package dev.attestca.ca.audit;

import dev.attestca.ca.issuance.Fingerprints;
import dev.attestca.ca.model.AuditRecord;
import java.nio.charset.StandardCharsets;

/**
 * The hash that chains audit entries: SHA-256 over the previous entry's hash and the entry's
 * canonical content, lower-case hex.
 *
 * <p>The canonical content lists every stored field except the database id and the two hashes, in a
 * fixed order, one per line, as {@code name=length:value} (or {@code name=~} for null), so no two
 * different entries share a content string.
 */
final class AuditChain {

  private AuditChain() {}

  static String hash(String previousHash, long seq, AuditRecord r) {
    String input = previousHash + "\n" + canonical(seq, r);
    return Fingerprints.sha256(input.getBytes(StandardCharsets.UTF_8));
  }

  static String canonical(long seq, AuditRecord r) {
    StringBuilder out = new StringBuilder();
    field(out, "seq", Long.toString(seq));
    field(out, "kind", r.getKind());
    field(out, "request_id", r.getRequestId());
    field(out, "recorded_at", r.getRecordedAt() == null ? null : r.getRecordedAt().toString());
    field(out, "caller", r.getCaller());
    field(out, "profile", r.getProfileName());
    field(out, "attestation_format", r.getAttestationFormat());
    field(out, "attestation_certificate_sha256", r.getAttestationSignerSha256());
    field(out, "verdict", r.getVerdict());
    field(out, "reason_code", r.getReasonCode());
    field(out, "detail", r.getDetail());
    field(out, "issued_serial", r.getIssuedSerial());
    field(out, "action", r.getAction());
    field(out, "target", r.getTarget());
    field(out, "before", r.getBeforeJson());
    field(out, "after", r.getAfterJson());
    return out.toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append(name).append('=');
    if (value == null) {
      out.append('~');
    } else {
      out.append(value.length()).append(':').append(value);
    }
    out.append('\n');
  }
}
