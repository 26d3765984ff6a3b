package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@code GET /openapi.yaml} describes exactly the endpoints the router registers. */
class OpenApiCoverageTest extends ServerTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  static Map<String, Object> document;

  @BeforeAll
  static void up() throws Exception {
    Resp r = server.anonymous().get("/openapi.yaml");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/yaml"), r.header("Content-Type"));
    document = new Yaml().load(r.raw());
  }

  @SuppressWarnings("unchecked")
  static SortedSet<String> described() {
    SortedSet<String> out = new TreeSet<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
    paths.forEach((path, item) -> item.keySet().stream()
        .filter(METHODS::contains)
        .forEach(m -> out.add(m.toUpperCase() + " " + path)));
    return out;
  }

  @Test
  void isOpenApi3() {
    assertTrue(String.valueOf(document.get("openapi")).startsWith("3."));
    assertEquals(Version.get(), String.valueOf(((Map<?, ?>) document.get("info")).get("version")));
  }

  @Test
  void everyRegisteredRouteIsDescribed() {
    SortedSet<String> missing = new TreeSet<>(server.server().endpoints());
    missing.removeAll(described());
    assertTrue(missing.isEmpty(), () -> "routes not in openapi.yaml: " + missing);
  }

  @Test
  void everyDescribedRouteIsRegistered() {
    SortedSet<String> extra = described();
    extra.removeAll(server.server().endpoints());
    assertTrue(extra.isEmpty(), () -> "openapi.yaml describes routes the server does not have: " + extra);
  }

  @Test
  void theRouterHasTheEndpointsWeExpect() {
    SortedSet<String> endpoints = server.server().endpoints();
    assertTrue(endpoints.contains("POST /api/v1/user/heartbeat"), endpoints::toString);
    assertTrue(endpoints.contains("GET /v1/user/{openId}/app/{appId}"), endpoints::toString);
    assertTrue(endpoints.size() > 20, endpoints::toString);
  }
}
