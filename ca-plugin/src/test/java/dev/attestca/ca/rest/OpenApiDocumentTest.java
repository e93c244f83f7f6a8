package dev.attestca.ca.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document the server serves ({@code META-INF/openapi.yaml}, written by hand) and the
 * JAX-RS resources of this package describe the same API: the same operations, and the same rule
 * for who may call each. Operations are compared as "METHOD /path" relative to the context root
 * (the application path included); path parameters are compared by position, not by name.
 */
class OpenApiDocumentTest {

  private static final String DOCUMENT = "/META-INF/openapi.yaml";

  private static final Set<String> OPERATION_KEYS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static Map<String, List<String>> served;
  private static Map<String, Object> document;
  private static Map<String, Map<String, Object>> documented;

  @BeforeAll
  static void readBoth() throws Exception {
    served = servedOperations();
    document = load();
    documented = documentedOperations(document);
  }

  @Test
  void documentNamesExactlyTheOperationsTheResourcesServe() {
    Set<String> undocumented = new TreeSet<>(served.keySet());
    undocumented.removeAll(documented.keySet());
    Set<String> unserved = new TreeSet<>(documented.keySet());
    unserved.removeAll(served.keySet());

    assertFalse(served.isEmpty(), "no JAX-RS resource found next to " + AttestCaApi.class);
    assertTrue(
        undocumented.isEmpty() && unserved.isEmpty(),
        "served but missing from openapi.yaml: "
            + undocumented
            + "; in openapi.yaml but not served: "
            + unserved);
  }

  /**
   * WildFly puts the context root in front of every path of the document it serves, and keeps any
   * {@code servers} entry as it is: a server URL would then count the context root twice.
   */
  @Test
  void documentNamesNoServer() {
    assertFalse(document.containsKey("servers"), "servers: " + document.get("servers"));
  }

  /**
   * An operation of a resource restricted by {@code @RolesAllowed} requires HTTP Basic and names
   * each role in its description; any other operation lets a caller without credentials in.
   */
  @Test
  void everyOperationDeclaresWhoMayCallIt() {
    List<String> wrong = new ArrayList<>();
    served.forEach(
        (operation, roles) -> {
          Map<String, Object> described = documented.get(operation);
          if (described == null) {
            return;
          }
          Object security = described.get("security");
          if (!(security instanceof List<?> requirements)) {
            wrong.add(operation + " declares no security");
          } else if (roles.isEmpty()) {
            if (!requirements.isEmpty() && !requirements.contains(Map.of())) {
              wrong.add(operation + " is open to anonymous callers; its security is " + security);
            }
          } else {
            if (!requirements.equals(List.of(Map.of("basicAuth", List.of())))) {
              wrong.add(operation + " requires a role; its security is " + security);
            }
            String description = String.valueOf(described.get("description"));
            for (String role : roles) {
              if (!description.contains("`" + role + "`")) {
                wrong.add(
                    operation + " requires the role " + role + "; its description does not say so");
              }
            }
          }
        });

    assertEquals(List.of(), wrong);
  }

  /** "METHOD /path" of every resource method, with the roles allowed to call it (none: anyone). */
  private static Map<String, List<String>> servedOperations() throws Exception {
    Map<String, List<String>> operations = new TreeMap<>();
    for (Class<?> resource : resourceClasses()) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getMethods()) {
        String httpMethod = httpMethod(method);
        Path path = method.getAnnotation(Path.class);
        if (httpMethod == null) {
          assertTrue(
              path == null,
              method + " is a sub-resource locator; this test compares resource methods only");
          continue;
        }
        String operation =
            httpMethod
                + " "
                + normalise(
                    applicationPath() + "/" + base + "/" + (path == null ? "" : path.value()));
        operations.put(operation, roles(resource, method));
      }
    }
    return operations;
  }

  private static String applicationPath() {
    return AttestCaApi.class.getAnnotation(ApplicationPath.class).value();
  }

  /** The root resource classes compiled into this package (main classes only, not tests). */
  private static List<Class<?>> resourceClasses() throws Exception {
    String pkg = AttestCaApi.class.getPackageName();
    var root =
        Paths.get(AttestCaApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> resources = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
      for (String file : files.map(f -> f.getFileName().toString()).sorted().toList()) {
        if (!file.endsWith(".class")) {
          continue;
        }
        String name = pkg + "." + file.substring(0, file.length() - ".class".length());
        Class<?> type = Class.forName(name, false, AttestCaApi.class.getClassLoader());
        if (type.isAnnotationPresent(Path.class)) {
          resources.add(type);
        }
      }
    }
    return resources;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (designator != null) {
        return designator.value();
      }
    }
    return null;
  }

  private static List<String> roles(Class<?> resource, Method method) {
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getAnnotation(RolesAllowed.class);
    }
    return allowed == null ? List.of() : List.of(allowed.value());
  }

  /** "METHOD /path" of every operation of the document, with the operation object. */
  private static Map<String, Map<String, Object>> documentedOperations(Map<String, Object> doc) {
    Map<String, Map<String, Object>> operations = new TreeMap<>();
    map(doc.get("paths"))
        .forEach(
            (path, item) ->
                map(item)
                    .forEach(
                        (key, operation) -> {
                          if (OPERATION_KEYS.contains(key)) {
                            operations.put(
                                key.toUpperCase(Locale.ROOT) + " " + normalise(path),
                                map(operation));
                          }
                        }));
    return operations;
  }

  /** One leading slash, no trailing or doubled slash, every path parameter as {@code {}}. */
  private static String normalise(String path) {
    String joined = ("/" + path).replaceAll("/+", "/");
    if (joined.length() > 1 && joined.endsWith("/")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    return joined.replaceAll("\\{[^}]*\\}", "{}");
  }

  private static Map<String, Object> load() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(DOCUMENT)) {
      assertTrue(in != null, DOCUMENT + " must be on the class path");
      return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }
}
