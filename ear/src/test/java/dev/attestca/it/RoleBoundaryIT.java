package dev.attestca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admin endpoint refuses a caller without credentials (401) and every authenticated caller
 * without its role (403), and lets its role through.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleBoundaryIT {

  private static final String UNKNOWN_SHA256 = "00".repeat(32);
  private static final Map<String, Object> EMPTY = Map.of();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("attestca.ear")));
  }

  static Stream<Arguments> endpoints() {
    return Stream.of(
        endpoint("policy-admin", "GET", "admin/profiles", null),
        endpoint("policy-admin", "POST", "admin/profiles", EMPTY),
        endpoint("policy-admin", "GET", "admin/profiles/attested", null),
        endpoint("policy-admin", "PUT", "admin/profiles/attested", EMPTY),
        endpoint("ca-admin", "GET", "admin/attestation-cas", null),
        endpoint("ca-admin", "POST", "admin/attestation-cas", EMPTY),
        endpoint("ca-admin", "GET", "admin/attestation-cas/" + UNKNOWN_SHA256, null),
        endpoint("ca-admin", "PUT", "admin/attestation-cas/" + UNKNOWN_SHA256 + "/crl", EMPTY),
        endpoint("ca-admin", "DELETE", "admin/attestation-cas/" + UNKNOWN_SHA256, null),
        endpoint("ca-admin", "POST", "admin/attestation-cas/import", EMPTY),
        endpoint("ca-admin", "GET", "admin/attestation-certificates", null),
        endpoint("ca-admin", "GET", "admin/attestation-certificates/" + UNKNOWN_SHA256, null),
        endpoint(
            "ca-admin",
            "GET",
            "admin/attestation-certificates/" + UNKNOWN_SHA256 + "/issued-certificates",
            null),
        endpoint(
            "ca-admin",
            "POST",
            "admin/attestation-certificates/" + UNKNOWN_SHA256 + "/distrust",
            Map.of("reason", "role test")),
        endpoint(
            "ca-admin",
            "POST",
            "admin/attestation-certificates/" + UNKNOWN_SHA256 + "/revoke-issued",
            Map.of("reason", "keyCompromise")),
        endpoint(
            "ca-admin",
            "POST",
            "admin/certificates/0badc0de/revoke",
            Map.of("reason", "superseded")),
        endpoint("auditor", "GET", "admin/audit", null),
        endpoint("auditor", "GET", "admin/audit/verification", null));
  }

  private static Arguments endpoint(String role, String method, String path, Object body) {
    return Arguments.of(role, method, path, body);
  }

  @ParameterizedTest(name = "{1} {2} without credentials → 401")
  @MethodSource("endpoints")
  void anonymousCallerIsAskedToAuthenticate(String role, String method, String path, Object body)
      throws Exception {
    HttpResponse<String> response = Http.anonymous().send(method, path, body);

    Api.Problem problem = Http.expect(401, response, Api.Problem.class);
    assertTrue(
        response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
        "asks for Basic authentication");
    assertEquals("AUTHENTICATION_REQUIRED", problem.reason());
    assertTrue(problem.detail().endsWith("no credentials were sent"), problem.detail());
  }

  @ParameterizedTest(name = "{1} {2} as every user without role {0} → 403")
  @MethodSource("endpoints")
  void callerWithoutTheRoleIsForbidden(String role, String method, String path, Object body)
      throws Exception {
    for (String user : Http.DEV_USERS.keySet()) {
      if (user.equals(role)) {
        continue;
      }
      Api.Problem problem =
          Http.expect(403, Http.as(user).send(method, path, body), Api.Problem.class);
      assertEquals("ROLE_REQUIRED", problem.reason());
      assertTrue(
          problem.detail().startsWith("caller must hold the role " + role + " for " + method),
          problem.detail());
      assertTrue(problem.detail().endsWith("; " + user + " does not"), problem.detail());
    }
  }

  @ParameterizedTest(name = "{1} {2} as {0} passes the role check")
  @MethodSource("endpoints")
  void callerWithTheRoleGetsAnAnswerFromTheApplication(
      String role, String method, String path, Object body) throws Exception {
    HttpResponse<String> response = Http.as(role).send(method, path, body);

    assertTrue(
        response.statusCode() != 401 && response.statusCode() != 403 && response.statusCode() < 500,
        role + " " + method + " " + path + " → " + response.statusCode() + " " + response.body());
  }

  /**
   * A user name of its own per call: Elytron locks an identity for minutes after repeated failed
   * logins, which would lock out the development users the other tests use.
   */
  @ParameterizedTest(name = "unknown user on {1} {2} → 401")
  @MethodSource("endpoints")
  void unknownUserIsRefused(String role, String method, String path, Object body) throws Exception {
    HttpResponse<String> response =
        Http.withPassword("intruder-" + UUID.randomUUID(), role + "-dev").send(method, path, body);

    Api.Problem problem = Http.expect(401, response, Api.Problem.class);
    assertEquals("AUTHENTICATION_REQUIRED", problem.reason());
    assertTrue(problem.detail().contains("were not accepted"), problem.detail());
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    HttpResponse<String> response =
        Http.withPassword("auditor", "not-the-password").send("GET", "admin/audit", null);

    assertEquals("AUTHENTICATION_REQUIRED", Http.expect(401, response, Api.Problem.class).reason());
  }
}
