package dev.beacon.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.yaml.snakeyaml.Yaml;

/**
 * Property-based fuzzing driven by {@code openapi.yaml} (jqwik): each try picks an operation of
 * the spec and sends it with a method (its own, or another), a content type (JSON, a form,
 * multipart, none, garbage), a body shaped from the operation's request schema and then mutated
 * (fields dropped, wrong types, hostile text, broken JSON), path ids (the caller's, another
 * developer's, unknown, hostile), query parameters from the spec (valid or mutated), and
 * credentials (none, wrong, the owner's, another developer's, the admin's). Every answer must be
 * the route's answer or a 4xx in the route's envelope, never a 5xx; the server must answer
 * {@code /health} after the run. The seed is fixed, so a failure repeats (jqwik shrinks it to a
 * small case); {@code -Djqwik.tries.default=N} runs longer.
 */
class SpecFuzzTest {
  static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"};
  static final String[] CONTENT_TYPES = {
    "application/json", "application/json; charset=utf-8", null, "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=b", "multipart/form-data", "text/plain", "\u00e9;;/;", "application/json; charset=nope"
  };
  static final String[] HOSTILE = {
    "", " ", "0", "-1", "null", "1e309", "\u0000", "%00", "../../etc/passwd", "%2e%2e%2f", "' OR '1'='1", "<script>",
    "\u202e\u0645", "😀", "x".repeat(300), "\\", "\"", "name:asc;drop", "9".repeat(30)
  };
  static final Object[] WRONG = {
    null, true, -1, 0, Integer.MAX_VALUE, Long.MAX_VALUE, 1.5, -0.0, "", "x".repeat(5000), new JsonObject(), new JsonArray(),
    new JsonArray().add(1).add("a"), new JsonObject().put("nested", new JsonObject())
  };

  static TestServer server;
  static Api owner;
  static Api other;
  static Map<String, String> ids = new LinkedHashMap<>();
  static List<Operation> operations;
  static Map<String, Object> spec;

  record Operation(String method, String path, List<Map<String, Object>> parameters, Map<String, Object> body) {}

  record Call(String method, String path, String body, String contentType, Api who) {
    @Override
    public String toString() {
      return method + " " + path + " [" + contentType + "] " + (who.token == null ? "anonymous" : who.openId) + " "
          + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  @BeforeContainer
  static void up() throws Exception {
    server = TestServer.start(c -> c.jsonBodyLimit(64 * 1024).clientRatePerIp(0).clientRatePerKey(0).errorRate(0));
    owner = server.newDeveloper();
    other = server.newDeveloper();
    JsonObject app = owner.post("/v1/user/" + owner.openId + "/app", new JsonObject().put("name", "fuzz").put("platform", 1))
        .json().getJsonObject("app");
    ids.put("appId", app.getString("appId"));
    ids.put("appKey", app.getString("appKey"));
    ids.put("otherAppId", other.post("/v1/user/" + other.openId + "/app", new JsonObject().put("name", "theirs").put("platform", 2))
        .json().getJsonObject("app").getString("appId"));
    String base = "/v1/user/" + owner.openId + "/app/" + ids.get("appId");
    ids.put("versionId", owner.post(base + "/version", new JsonObject().put("name", "1.0.0").put("code", 1)
        .put("url", "http://example.com/a.zip").put("md5", "0123456789abcdef0123456789abcdef")).json().getString("versionId"));
    ids.put("moduleId", owner.post(base + "/module", new JsonObject().put("name", "m")).json().getString("moduleId"));
    ids.put("issueId", server.anonymous().post("/api/v1/error/report", new JsonObject().put("app_key", ids.get("appKey"))
        .put("machine_id", "m1").put("software_version", "1.0.0").put("error_type", "E").put("error_message", "boom")
        .put("error_stack", "at a.b(C.java:1)")).json().getJsonObject("data").getString("issueId"));
    try (InputStream in = SpecFuzzTest.class.getResourceAsStream("/openapi.yaml")) {
      spec = new Yaml().load(in);
    }
    operations = operations();
  }

  @AfterContainer
  static void down() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Property(seed = "20261204", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
  void everyRequestShapedFromTheSpecIsAnsweredInTheRoutesEnvelope(@ForAll("calls") Call call) {
    Api who = call.who();
    if (call.path().startsWith("/v1/auth/logout") && who.token != null && !who.token.isEmpty()) {
      who = server.newDeveloper(); // a session of its own: signing the shared callers out would leave them nothing to fuzz
    }
    Resp r = who.unchecked().raw(call.method(), call.path(), call.body(), call.contentType());
    Statistics.label("status").collect(r.status());
    assertTrue(r.status() < 500, () -> call + " -> " + r);
    if (r.status() >= 400 && !call.method().equals("HEAD")) {
      assertTrue(Envelopes.matches(call.path(), r), () -> call + " -> not in the route's envelope: " + r);
    }
  }

  @net.jqwik.api.lifecycle.AfterProperty
  void theServerIsStillUp() {
    assertEquals(200, server.anonymous().get("/health").status(), "the server answers /health after the run");
  }

  @Provide
  Arbitrary<Call> calls() {
    return Arbitraries.of(operations).flatMap(op -> Combinators.combine(
        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(op.method())), net.jqwik.api.Tuple.of(1, Arbitraries.of(METHODS))),
        path(op), query(op), body(op),
        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just("application/json")), net.jqwik.api.Tuple.of(2, Arbitraries.of(CONTENT_TYPES))),
        who(op)).as((method, path, query, body, type, who) -> new Call(method, path + query, body, type, who)));
  }

  /** Usually the one the route is for (the admin on admin routes, else the app's owner), sometimes anyone else. */
  private static Arbitrary<Api> who(Operation op) {
    Api anonymous = server.anonymous();
    boolean adminRoute = op.path().startsWith("/v1/admin/") || op.path().equals("/v1/uploadfile")
        || op.path().startsWith("/v1/poster") && !op.method().equals("GET");
    Api intended = adminRoute ? server.admin() : owner;
    Api unintended = adminRoute ? owner : server.admin();
    return Arbitraries.frequency(
        net.jqwik.api.Tuple.of(12, intended), net.jqwik.api.Tuple.of(2, anonymous), net.jqwik.api.Tuple.of(2, other),
        net.jqwik.api.Tuple.of(2, unintended), net.jqwik.api.Tuple.of(1, owner.as(owner.openId, "f".repeat(64))),
        net.jqwik.api.Tuple.of(1, owner.as(other.openId, owner.token)));
  }

  /** The path with its parameters: usually the caller's real ids, sometimes another's, unknown or hostile ones. */
  private static Arbitrary<String> path(Operation op) {
    Arbitrary<String> out = Arbitraries.just("");
    String template = op.path();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      String literal = open < 0 ? template.substring(i) : template.substring(i, open);
      out = out.map(s -> s + literal);
      if (open < 0) {
        break;
      }
      int close = template.indexOf('}', open);
      String name = template.substring(open + 1, close);
      Arbitrary<String> value = pathValue(name);
      out = Combinators.combine(out, value).as((s, v) -> s + v);
      i = close + 1;
    }
    return out;
  }

  private static Arbitrary<String> pathValue(String name) {
    String real = name.equals("openId") ? owner.openId : ids.getOrDefault(name, "1");
    String theirs = name.equals("openId") ? other.openId : name.equals("appId") ? ids.get("otherAppId") : "2";
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just(real)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(theirs)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(HOSTILE).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8))),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-2, 100).map(String::valueOf)));
  }

  /** Query parameters of the operation, each present or not, valid per its schema or mutated. */
  private static Arbitrary<String> query(Operation op) {
    List<Arbitrary<String>> parts = new ArrayList<>();
    for (Map<String, Object> p : op.parameters()) {
      if (!"query".equals(p.get("in"))) {
        continue;
      }
      String name = (String) p.get("name");
      @SuppressWarnings("unchecked")
      Map<String, Object> schema = (Map<String, Object>) p.getOrDefault("schema", Map.of());
      Arbitrary<String> value = Arbitraries.oneOf(value(schema, 0).map(v -> v == null ? "" : String.valueOf(v)), Arbitraries.of(HOSTILE));
      Arbitrary<String> spelled = Arbitraries.of(name, name.toLowerCase(), name.toUpperCase());
      parts.add(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
          net.jqwik.api.Tuple.of(1, Combinators.combine(spelled, value)
              .as((n, v) -> n + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))));
    }
    if (parts.isEmpty()) {
      return Arbitraries.of("", "", "", "?x=1", "?" + "a=1&".repeat(50));
    }
    return Combinators.combine(parts).as(list -> {
      String q = String.join("&", list.stream().filter(s -> !s.isEmpty()).toList());
      return q.isEmpty() ? "" : "?" + q;
    });
  }

  /** A body shaped from the operation's schema (or none), then possibly mutated or broken. */
  private static Arbitrary<String> body(Operation op) {
    Arbitrary<Object> shaped = op.body() == null ? Arbitraries.just(new JsonObject()) : value(op.body(), 0);
    Arbitrary<String> json = shaped.map(v -> v instanceof JsonObject o ? withKeys(o).encode() : io.vertx.core.json.Json.encode(v));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, json),
        net.jqwik.api.Tuple.of(1, json.map(s -> s.substring(0, s.length() / 2))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", "{", "[]", "null", "\"x\"", "a=b&c=d", "{\"a\":1,}", "\uFEFF{}", "{\"a\":" + "[".repeat(500))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
  }

  /** The app's key and id where a client route wants them (else the routes would only refuse the key). */
  private static JsonObject withKeys(JsonObject o) {
    for (String key : List.of("app_key", "appKey")) {
      if (o.getValue(key) instanceof String s && s.length() < 4) {
        o.put(key, ids.get("appKey"));
      }
    }
    if (o.getValue("appId") instanceof String s && s.length() < 4) {
      o.put("appId", ids.get("appId"));
    }
    return o;
  }

  /** A value for a schema, sometimes of a wrong type. */
  @SuppressWarnings("unchecked")
  private static Arbitrary<Object> value(Map<String, Object> schema, int depth) {
    schema = resolve(schema);
    Arbitrary<Object> wrong = Arbitraries.of(WRONG);
    List<Object> choices = (List<Object>) schema.get("anyOf") != null ? (List<Object>) schema.get("anyOf") : (List<Object>) schema.get("oneOf");
    Arbitrary<Object> right;
    if (choices != null) {
      int d = depth;
      right = Arbitraries.oneOf(choices.stream().map(c -> value((Map<String, Object>) c, d + 1)).toList());
    } else if (schema.get("enum") instanceof List<?> values) {
      right = Arbitraries.of((List<Object>) values);
    } else {
      String type = String.valueOf(schema.get("type"));
      right = switch (type) {
        case "object" -> object(schema, depth);
        case "array" -> depth > 3 ? Arbitraries.just(new JsonArray())
            : value((Map<String, Object>) schema.getOrDefault("items", Map.of()), depth + 1).list().ofMaxSize(3).map(l -> (Object) new JsonArray(l));
        case "integer" -> Arbitraries.oneOf(Arbitraries.integers().between(-1, 20).map(x -> (Object) x),
            Arbitraries.of((Object) Long.MAX_VALUE, (Object) Integer.MIN_VALUE, (Object) "7"));
        case "number" -> Arbitraries.doubles().between(-10, 10).map(x -> (Object) x);
        case "boolean" -> Arbitraries.of((Object) true, (Object) false);
        case "string" -> Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars(".-_ ").ofMaxLength(12).map(s -> (Object) s),
            Arbitraries.of(HOSTILE).map(s -> (Object) s));
        default -> Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(5).map(s -> (Object) s));
      };
    }
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, right), net.jqwik.api.Tuple.of(1, wrong));
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<Object> object(Map<String, Object> schema, int depth) {
    Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
    List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
    List<Arbitrary<Map.Entry<String, Object>>> fields = new ArrayList<>();
    for (Map.Entry<String, Object> p : props.entrySet()) {
      String name = p.getKey();
      Arbitrary<Object> v = depth > 3 ? Arbitraries.just("x") : value((Map<String, Object>) p.getValue(), depth + 1);
      int keep = required.contains(name) ? 9 : 5;
      fields.add(Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(keep, v.map(x -> Map.entry(name, x == null ? JsonObject.of() : x))),
          net.jqwik.api.Tuple.of(10 - keep, Arbitraries.just(Map.entry("", (Object) ""))),
          net.jqwik.api.Tuple.of(1, v.map(x -> Map.entry(" " + name + " ", x == null ? "" : x)))));
    }
    if (fields.isEmpty()) {
      return Arbitraries.of(new JsonObject(), new JsonObject().put("unknown", 1));
    }
    return Combinators.combine(fields).as(list -> {
      JsonObject o = new JsonObject();
      for (Map.Entry<String, Object> e : list) {
        if (!e.getKey().isEmpty()) {
          o.put(e.getKey(), e.getValue());
        }
      }
      return (Object) o;
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> schema) {
    for (int i = 0; i < 5 && schema.get("$ref") instanceof String ref; i++) {
      Object node = spec;
      for (String part : ref.substring(2).split("/")) {
        node = ((Map<String, Object>) node).get(part);
      }
      schema = (Map<String, Object>) node;
    }
    if (schema.get("allOf") instanceof List<?> all && all.size() == 1) {
      return resolve((Map<String, Object>) all.get(0));
    }
    return schema;
  }

  /** Every operation of the spec with its parameters and JSON request schema. */
  @SuppressWarnings("unchecked")
  private static List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
    paths.forEach((path, item) -> {
      List<Map<String, Object>> shared = (List<Map<String, Object>>) item.getOrDefault("parameters", List.of());
      item.forEach((method, value) -> {
        if (method.equals("parameters") || !(value instanceof Map)) {
          return;
        }
        Map<String, Object> op = (Map<String, Object>) value;
        List<Map<String, Object>> params = new ArrayList<>();
        for (Map<String, Object> p : shared) {
          params.add(resolve(p));
        }
        for (Map<String, Object> p : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
          params.add(resolve(p));
        }
        Map<String, Object> body = null;
        if (op.get("requestBody") instanceof Map<?, ?> rb) {
          Map<String, Object> content = (Map<String, Object>) resolve((Map<String, Object>) rb).get("content");
          if (content != null && content.get("application/json") instanceof Map<?, ?> json) {
            body = (Map<String, Object>) json.get("schema");
          }
        }
        out.add(new Operation(method.toUpperCase(), path, params, body));
      });
    });
    return out;
  }
}
