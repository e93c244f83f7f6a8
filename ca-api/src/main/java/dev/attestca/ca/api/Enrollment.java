package dev.attestca.ca.api;

import dev.attestca.verifier.ReasonCode;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;

/** What an enrollment came to: a certificate, or a refusal with its reason. */
public sealed interface Enrollment extends Serializable {

  /** The certificate (DER) and the CA chain above it (DER, issuing CA first). */
  record Issued(byte[] certificate, BigInteger serial, List<byte[]> chain) implements Enrollment {}

  /** The refusal; {@code message} names the field, the rule and the value, and is client-safe. */
  record Refused(ReasonCode reason, String message) implements Enrollment {}
}
