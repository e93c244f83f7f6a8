package dev.attestca.ca.issuance;

/**
 * Where the CA's CRL is served: the system property {@value #BASE_URL_PROPERTY} (default {@value
 * #DEFAULT_BASE_URL}), the URL relying parties reach the CA at, followed by {@code /api/v1/ca/crl}.
 */
public final class CrlLocation {

  public static final String BASE_URL_PROPERTY = "attestca.base-url";
  public static final String DEFAULT_BASE_URL = "http://localhost:8080/attestca";

  private CrlLocation() {}

  public static String url() {
    String base = System.getProperty(BASE_URL_PROPERTY, DEFAULT_BASE_URL).strip();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/ca/crl";
  }
}
