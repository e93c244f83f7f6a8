package dev.attestca.ca.enrollment;

import dev.attestca.verifier.ReasonCode;
import java.security.cert.X509Certificate;
import java.util.List;

/** What the gate decided for one request: a certificate, or a refusal with its reason. */
public sealed interface EnrollmentOutcome {

  /** The request id under which the decision is audited. */
  String requestId();

  /** A certificate was issued; {@code chain} holds the CA certificates above it. */
  record Issued(
      String requestId,
      X509Certificate certificate,
      List<X509Certificate> chain,
      String profileName,
      String attestationFormat)
      implements EnrollmentOutcome {}

  /** The request was refused; {@code message} is safe to show the client. */
  record Rejected(String requestId, ReasonCode reason, String message)
      implements EnrollmentOutcome {}
}
