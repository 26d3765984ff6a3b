package dev.beacon.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Randomized fuzzing driven by {@code openapi.yaml}: each try picks an operation of the spec and
 * sends it with a method (its own, or another), a content type (JSON, a form, multipart, none,
 * garbage), a body shaped from the operation's request schema and then mutated (fields dropped,
 * wrong types, hostile text, broken JSON), path ids (the caller's, another developer's, unknown,
 * hostile), query parameters from the spec (valid or mutated), and credentials (none, wrong, the
 * owner's, another developer's, the admin's). Every answer must be the route's answer or a 4xx in
 * the route's envelope, never a 5xx; the server must answer {@code /health} after the run. Bad
 * answers are collected and the first {@value #REPORTED} reported together at the end.
 *
 * <p>Plain JUnit with {@link java.util.Random}: each try draws from its own {@code Random} seeded
 * from (seed, try index), so a failure names both and repeats. The seed and the number of tries are
 * fixed; {@code -Dbeacon.fuzz.spec.tries=N -Dbeacon.fuzz.spec.seed=S} runs longer or elsewhere, and
 * {@code -Dbeacon.fuzz.spec.only=I} re-runs try {@code I} alone (the server then starts fresh,
 * without what the earlier tries left behind: a failure that needs them repeats with
 * {@code -Dbeacon.fuzz.spec.tries=I+1}).
 */
class SpecFuzzTest {
  static final long SEED = Long.getLong("beacon.fuzz.spec.seed", 20261204L);
  static final int TRIES = Integer.getInteger("beacon.fuzz.spec.tries", 600);
  /** The index of the one try to run (a failure's), or -1 for all of them. */
  static final int ONLY = Integer.getInteger("beacon.fuzz.spec.only", -1);
  /** How many bad answers the failure lists. */
  static final int REPORTED = 20;

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
  static final String[] BROKEN_BODIES = {
    "", "{", "[]", "null", "\"x\"", "a=b&c=d", "{\"a\":1,}", "\uFEFF{}", "{\"a\":" + "[".repeat(500)
  };
  static final String[] NO_QUERY = {"", "", "", "?x=1", "?" + "a=1&".repeat(50)};
  static final String HEX = "0123456789abcdef";
  static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_ ";

  static TestServer server;
  static Api owner;
  static Api other;
  static Map<String, String> ids = new LinkedHashMap<>();
  static List<Operation> operations;
  static Map<String, Object> spec;

  record Operation(String method, String path, List<Map<String, Object>> parameters, Map<String, Object> body) {}

  /** A request to send; {@code caller} names who sends it. */
  record Call(String method, String path, String body, String contentType, Api who, String caller) {
    @Override
    public String toString() {
      return method + " " + path + " [" + contentType + "] as " + caller + " "
          + (body == null ? "(no body)" : body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  @BeforeAll
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

  @AfterAll
  static void down() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyRequestShapedFromTheSpecIsAnsweredInTheRoutesEnvelope() {
    int from = ONLY >= 0 ? ONLY : 0;
    int to = ONLY >= 0 ? ONLY + 1 : TRIES;
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = from; i < to; i++) {
      String label = "try " + i + " (-Dbeacon.fuzz.spec.seed=" + SEED + " -Dbeacon.fuzz.spec.only=" + i + "): ";
      Call call = null;
      try {
        call = call(new Random(seedOf(SEED, i)));
        Api who = call.who();
        if (call.path().startsWith("/v1/auth/logout") && who.token != null && !who.token.isEmpty()) {
          who = server.newDeveloper(); // a session of its own: signing the shared callers out would leave them nothing to fuzz
        }
        Resp r = who.unchecked().raw(call.method(), call.path(), call.body(), call.contentType());
        statuses.merge(r.status(), 1, Integer::sum);
        if (ONLY >= 0) {
          System.out.println(label + call + " -> " + r);
        }
        if (r.status() >= 500) {
          failures.add(label + call + " -> " + r);
        } else if (r.status() >= 400 && !call.method().equals("HEAD") && !Envelopes.matches(call.path(), r)) {
          failures.add(label + call + " -> not in the route's envelope: " + r);
        }
      } catch (RuntimeException e) {
        failures.add(label + (call == null ? "building the request" : call + " -> no answer") + ": " + e);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    String health;
    try {
      int status = server.anonymous().get("/health").status();
      health = status == 200 ? null : "after the run /health answered " + status;
    } catch (RuntimeException e) {
      health = "after the run /health did not answer: " + e;
    }
    if (health != null) {
      failures.add(0, health);
    }
    System.out.printf("spec fuzz: %d tries (seed %d) over %d operations in %d ms, statuses %s%n",
        to - from, SEED, operations.size(), millis, statuses);
    assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers (seed " + SEED + "), the first ones:\n"
        + String.join("\n", failures.subList(0, Math.min(REPORTED, failures.size()))));
  }

  /** Try {@code index}'s own seed: SplitMix64's finalizer over (seed, index), so neighbouring tries draw unrelated streams. */
  static long seedOf(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** An operation of the spec, with a method, path, query, body, content type and caller. */
  private static Call call(Random rnd) {
    Operation op = operations.get(rnd.nextInt(operations.size()));
    String method = pick(rnd, 6, 1) == 0 ? op.method() : METHODS[rnd.nextInt(METHODS.length)];
    String path = path(op, rnd);
    String query = query(op, rnd);
    String body = body(op, rnd);
    String type = pick(rnd, 6, 2) == 0 ? "application/json" : CONTENT_TYPES[rnd.nextInt(CONTENT_TYPES.length)];
    boolean adminRoute = op.path().startsWith("/v1/admin/") || op.path().equals("/v1/uploadfile")
        || op.path().startsWith("/v1/poster") && !op.method().equals("GET");
    // usually the one the route is for (the admin on admin routes, else the app's owner), sometimes anyone else
    return switch (pick(rnd, 12, 2, 2, 2, 1, 1)) {
      case 0 -> new Call(method, path + query, body, type, adminRoute ? server.admin() : owner, adminRoute ? "the admin" : "the owner");
      case 1 -> new Call(method, path + query, body, type, server.anonymous(), "anonymous");
      case 2 -> new Call(method, path + query, body, type, other, "another developer");
      case 3 -> new Call(method, path + query, body, type, adminRoute ? owner : server.admin(), adminRoute ? "the owner" : "the admin");
      case 4 -> new Call(method, path + query, body, type, owner.as(owner.openId, "f".repeat(64)), "the owner with a wrong token");
      default -> new Call(method, path + query, body, type, owner.as(other.openId, owner.token), "the owner's token as another's openId");
    };
  }

  /** The index of a choice drawn with these weights. */
  private static int pick(Random rnd, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = rnd.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  private static String chars(Random rnd, String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** Any text: mostly ASCII, else any character of the basic plane but surrogates. */
  private static String anyText(Random rnd, int maxLength) {
    int length = rnd.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int c = rnd.nextBoolean() ? rnd.nextInt(0x80) : rnd.nextInt(0xF800);
      b.append((char) (c >= 0xD800 ? c + 0x800 : c)); // skip 0xD800-0xDFFF
    }
    return b.toString();
  }

  /** The path with its parameters: usually the caller's real ids, sometimes another's, unknown or hostile ones. */
  private static String path(Operation op, Random rnd) {
    StringBuilder out = new StringBuilder();
    String template = op.path();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, open);
      int close = template.indexOf('}', open);
      out.append(pathValue(template.substring(open + 1, close), rnd));
      i = close + 1;
    }
    return out.toString();
  }

  private static String pathValue(String name, Random rnd) {
    return switch (pick(rnd, 6, 1, 1, 1, 1)) {
      case 0 -> name.equals("openId") ? owner.openId : ids.getOrDefault(name, "1");
      case 1 -> name.equals("openId") ? other.openId : name.equals("appId") ? ids.get("otherAppId") : "2";
      case 2 -> chars(rnd, HEX, 32);
      case 3 -> URLEncoder.encode(HOSTILE[rnd.nextInt(HOSTILE.length)], StandardCharsets.UTF_8);
      default -> String.valueOf(rnd.nextInt(-2, 101));
    };
  }

  /** Query parameters of the operation, each present or not, valid per its schema or mutated. */
  @SuppressWarnings("unchecked")
  private static String query(Operation op, Random rnd) {
    List<String> parts = new ArrayList<>();
    boolean any = false;
    for (Map<String, Object> p : op.parameters()) {
      if (!"query".equals(p.get("in"))) {
        continue;
      }
      any = true;
      if (rnd.nextBoolean()) {
        continue;
      }
      String name = (String) p.get("name");
      Map<String, Object> schema = (Map<String, Object>) p.getOrDefault("schema", Map.of());
      String value;
      if (rnd.nextBoolean()) {
        Object v = value(schema, 0, rnd);
        value = v == null ? "" : String.valueOf(v);
      } else {
        value = HOSTILE[rnd.nextInt(HOSTILE.length)];
      }
      String spelled = switch (rnd.nextInt(3)) {
        case 0 -> name;
        case 1 -> name.toLowerCase();
        default -> name.toUpperCase();
      };
      parts.add(spelled + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    if (!any) {
      return NO_QUERY[rnd.nextInt(NO_QUERY.length)];
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /** A body shaped from the operation's schema (or none), then possibly mutated or broken. */
  private static String body(Operation op, Random rnd) {
    int kind = pick(rnd, 8, 1, 1, 1);
    if (kind == 2) {
      return BROKEN_BODIES[rnd.nextInt(BROKEN_BODIES.length)];
    }
    if (kind == 3) {
      return null;
    }
    Object shaped = op.body() == null ? new JsonObject() : value(op.body(), 0, rnd);
    String json = shaped instanceof JsonObject o ? withKeys(o).encode() : Json.encode(shaped);
    return kind == 0 ? json : json.substring(0, json.length() / 2);
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
  private static Object value(Map<String, Object> schema, int depth, Random rnd) {
    schema = resolve(schema);
    if (pick(rnd, 8, 1) == 1) {
      Object wrong = WRONG[rnd.nextInt(WRONG.length)];
      return wrong instanceof JsonObject o ? o.copy() : wrong instanceof JsonArray a ? a.copy() : wrong;
    }
    List<Object> choices = schema.get("anyOf") != null ? (List<Object>) schema.get("anyOf") : (List<Object>) schema.get("oneOf");
    if (choices != null) {
      return value((Map<String, Object>) choices.get(rnd.nextInt(choices.size())), depth + 1, rnd);
    }
    if (schema.get("enum") instanceof List<?> values) {
      return values.get(rnd.nextInt(values.size()));
    }
    return switch (String.valueOf(schema.get("type"))) {
      case "object" -> object(schema, depth, rnd);
      case "array" -> {
        JsonArray a = new JsonArray();
        if (depth <= 3) {
          for (int n = rnd.nextInt(4); n > 0; n--) {
            a.add(value((Map<String, Object>) schema.getOrDefault("items", Map.of()), depth + 1, rnd));
          }
        }
        yield a;
      }
      case "integer" -> rnd.nextBoolean() ? (Object) rnd.nextInt(-1, 21)
          : new Object[] {Long.MAX_VALUE, Integer.MIN_VALUE, "7"}[rnd.nextInt(3)];
      case "number" -> Math.round(rnd.nextDouble(-10, 10) * 100) / 100.0;
      case "boolean" -> rnd.nextBoolean();
      case "string" -> rnd.nextBoolean() ? chars(rnd, PLAIN, rnd.nextInt(13)) : HOSTILE[rnd.nextInt(HOSTILE.length)];
      default -> rnd.nextBoolean() ? null : anyText(rnd, 5);
    };
  }

  /** An object of the schema's properties: each kept (required ones more often), dropped, or under a padded name. */
  @SuppressWarnings("unchecked")
  private static Object object(Map<String, Object> schema, int depth, Random rnd) {
    Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
    List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
    if (props.isEmpty()) {
      return rnd.nextBoolean() ? new JsonObject() : new JsonObject().put("unknown", 1);
    }
    JsonObject o = new JsonObject();
    for (Map.Entry<String, Object> p : props.entrySet()) {
      String name = p.getKey();
      int keep = required.contains(name) ? 9 : 5;
      int kind = pick(rnd, keep, 10 - keep, 1);
      if (kind == 1) {
        continue;
      }
      Object x = depth > 3 ? "x" : value((Map<String, Object>) p.getValue(), depth + 1, rnd);
      if (kind == 0) {
        o.put(name, x == null ? new JsonObject() : x);
      } else {
        o.put(" " + name + " ", x == null ? "" : x);
      }
    }
    return o;
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
