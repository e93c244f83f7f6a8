package dev.attestca.ca.rest;

import dev.attestca.verifier.EnrollmentVerifier;
import dev.attestca.verifier.ReasonCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies larger than {@value #MAX_BODY_BYTES} bytes before anything parses them: by
 * the declared Content-Length when there is one, and by counting the bytes read otherwise.
 *
 * <p>The limit leaves room for a CSR and a detached attestation of {@link
 * EnrollmentVerifier#MAX_REQUEST_BYTES} in base64 with JSON around them; the verifier then applies
 * its own limit to the decoded bytes.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

  static final int MAX_BODY_BYTES = EnrollmentVerifier.MAX_REQUEST_BYTES * 2;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BODY_BYTES) {
      throw tooLarge(request.getLength());
    }
    request.setEntityStream(new Bounded(request.getEntityStream()));
  }

  private static WebApplicationException tooLarge(long size) {
    return new WebApplicationException(
        Problem.of(
            ReasonCode.CSR_TOO_LARGE,
            "request body must be at most "
                + MAX_BODY_BYTES
                + " bytes; got "
                + (size < 0 ? "more" : size + " bytes"),
            null));
  }

  /** Counts what is read and fails once the limit is passed. */
  private static final class Bounded extends FilterInputStream {
    private long read;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw tooLarge(-1);
      }
    }
  }
}
