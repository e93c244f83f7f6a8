package dev.attestca.ejbca;

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
 * Refuses request bodies larger than {@value #MAX_BODY_BYTES} bytes before the JSON is parsed: by
 * the declared Content-Length, and by counting what is read when there is none. The limit leaves
 * room for a CSR of the verifier's maximum size in base64 or PEM with the JSON around it.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

  static final int MAX_BODY_BYTES = EnrollmentVerifier.MAX_REQUEST_BYTES * 2;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BODY_BYTES) {
      throw tooLarge(request.getLength() + " bytes");
    }
    request.setEntityStream(new Counted(request.getEntityStream()));
  }

  private static WebApplicationException tooLarge(String size) {
    return new WebApplicationException(
        Errors.refusal(
            ReasonCode.CSR_TOO_LARGE,
            "request body must be at most " + MAX_BODY_BYTES + " bytes; it is " + size));
  }

  /** The body, failing once more than the limit was read. */
  private static final class Counted extends FilterInputStream {
    private long read;

    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw tooLarge("more than that");
      }
    }
  }
}
