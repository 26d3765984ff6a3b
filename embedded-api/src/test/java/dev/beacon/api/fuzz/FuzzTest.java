package dev.beacon.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends every route the server registers malformed and hostile input — broken JSON, wrong types,
 * huge numbers, negative and zero paging, unicode and control characters, empty and over-size
 * bodies, unknown fields, duplicate keys, odd path ids — signed in and not. Every answer must be a
 * 4xx (or a 2xx) with the documented envelope, never a 5xx, and the server must stay up. The seed
 * is fixed so a failure repeats; {@code -Dbeacon.fuzz.requests=N -Dbeacon.fuzz.seed=S} runs longer.
 */
class FuzzTest {
  static final long SEED = Long.getLong("beacon.fuzz.seed", 20261123L);
  static final int REQUESTS = Integer.getInteger("beacon.fuzz.requests", 3000);

  static TestServer server;
  static Api admin;
  static Api dev;
  static String appId;
  static String appKey;

  @BeforeAll
  static void up() throws Exception {
    server = TestServer.start(c -> c.jsonBodyLimit(64 * 1024));
    admin = server.admin();
    dev = server.newDeveloper();
    JsonObject app = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", "fuzz").put("platform", 1))
        .json().getJsonObject("app");
    appId = app.getString("appId");
    appKey = app.getString("appKey");
  }

  @AfterAll
  static void down() throws Exception {
    server.close();
  }

  static final String[] STRINGS = {
    "", " ", "a", "null", "0", "-1", "1e309", "NaN", "\u0000", "\u202e\u0645\u0631\u062d\u0628\u0627", "😀".repeat(50),
    "../../etc/passwd", "%2e%2e%2f", "' OR '1'='1", "name:asc; drop table app", "<script>alert(1)</script>",
    "x".repeat(5000), "\r\nX-Injected: 1", "${jndi:ldap://127.0.0.1/a}", "\\", "\"", "1.2.3.4.5.6.7.8.9", "--"
  };
  static final Object[] VALUES = {
    null, true, false, 0, -1, Integer.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE, -0.0, 1.5,
    new JsonObject(), new io.vertx.core.json.JsonArray(), new io.vertx.core.json.JsonArray().add(1).add("a"),
    new JsonObject().put("nested", new JsonObject().put("deeper", "x"))
  };
  static final String[] FIELDS = {
    "name", "platform", "desc", "icon", "code", "url", "md5", "deviceIds", "platforms", "forceUpdate",
    "release", "disable", "freeze", "unfreeze", "appId", "appKey", "moduleId", "deviceId", "app_key", "machine_id",
    "version", "current_version", "platform", "software_version", "error_type", "error_message", "error_stack",
    "os_info", "appVersion", "appPackage", "context", "account", "password", "type", "admin", "pid", "docId",
    "sequence", "posterid", "token", "openId", "questionContext", "content", "resolve", "ignore", "reopen"
  };
  static final String[] RAW_BODIES = {
    "{", "}", "[]", "[{}]", "null", "true", "42", "\"text\"", "{\"a\":}", "{\"a\" 1}", "{'a':1}",
    "{\"name\":\"a\",\"name\":\"b\",\"platform\":1,\"platform\":\"x\"}", "\u0000\u0001\u0002", "{\"a\":1e999999}",
    "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "\uFEFF{\"name\":\"bom\"}", "name=x&platform=1",
  };
  static final String[] QUERIES = {
    "pageNo=0", "pageNo=-1", "pageSize=0", "pageSize=101", "pageSize=99999999999999", "pageNo=abc", "orderBy=password:asc",
    "orderBy=name:sideways", "orderBy=%27%3B--", "startCreateDate=2020-13-45", "startCreateDate=2020-01-01",
    "name=%00", "name=%25", "after=-5", "before=99999999999999999", "bebofe=x", "platform=abc", "status=weird",
    "from=2020-01-01&to=2019-01-01", "PAGESIZE=5&pageno=2", "q=%F0%9F%98%80", "openId=../../x"
  };

  @Test
  void noRouteAnswersA5xxToBadInput() {
    Random rnd = new Random(SEED);
    List<String> endpoints = new ArrayList<>(server.server().endpoints());
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String endpoint = endpoints.get(i % endpoints.size());
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String template = endpoint.substring(endpoint.indexOf(' ') + 1);
      String path = fillPath(template, rnd);
      if (rnd.nextInt(3) == 0) {
        path += (path.contains("?") ? "&" : "?") + QUERIES[rnd.nextInt(QUERIES.length)];
      }
      Api who = switch (rnd.nextInt(4)) {
        case 0 -> server.anonymous();
        case 1 -> admin;
        case 2 -> dev.as(dev.openId, "f".repeat(64));
        default -> dev;
      };
      String body = body(rnd);
      Resp r;
      try {
        r = who.unchecked().raw(method, path, method.equals("GET") || method.equals("DELETE") ? null : body,
            rnd.nextInt(5) == 0 ? "text/plain" : "application/json");
      } catch (RuntimeException e) {
        failures.add(method + " " + path + " -> no answer: " + e);
        continue;
      }
      statuses.merge(r.status(), 1, Integer::sum);
      if (r.status() >= 500) {
        failures.add(method + " " + path + " body " + abbreviate(body) + " -> " + r);
      } else if (!method.equals("HEAD") && answersJson(template, r.status()) && !hasEnvelope(r)) {
        failures.add(method + " " + path + " -> no envelope: " + r);
      }
    }
    System.out.printf("fuzz: %d requests (seed %d) over %d endpoints, statuses %s%n", REQUESTS, SEED, endpoints.size(), statuses);
    assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers, first ones:\n" + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
    assertEquals(200, server.anonymous().get("/health").status(), "the server is still up");
  }

  /** Every answer is the JSON envelope, but the success answers of documents and downloads (and HEAD: no body at all). */
  private static boolean answersJson(String template, int status) {
    boolean document = template.equals("/openapi.yaml") || template.equals("/docs") || template.startsWith("/docs/")
        || template.startsWith("/files/") || template.endsWith("/html");
    return !(document && status < 300);
  }

  private static boolean hasEnvelope(Resp r) {
    try {
      JsonObject j = r.json();
      return j.containsKey("code") && (j.containsKey("msg") || j.containsKey("message"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Path parameters: usually a real id, sometimes hostile text. */
  private static String fillPath(String template, Random rnd) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template.substring(i));
        break;
      }
      out.append(template, i, open);
      int close = template.indexOf('}', open);
      String name = template.substring(open + 1, close);
      out.append(switch (rnd.nextInt(4)) {
        case 0 -> java.net.URLEncoder.encode(STRINGS[rnd.nextInt(STRINGS.length)], java.nio.charset.StandardCharsets.UTF_8);
        case 1 -> "0";
        default -> name.equals("openId") ? dev.openId : name.equals("appId") ? appId : "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0";
      });
      i = close + 1;
    }
    return out.toString();
  }

  private static String body(Random rnd) {
    switch (rnd.nextInt(6)) {
      case 0:
        return RAW_BODIES[rnd.nextInt(RAW_BODIES.length)];
      case 1:
        return "{\"name\":\"" + "y".repeat(70 * 1024) + "\"}"; // over the 64 KiB limit of this server
      default:
        JsonObject o = new JsonObject();
        int fields = 1 + rnd.nextInt(6);
        for (int f = 0; f < fields; f++) {
          String key = FIELDS[rnd.nextInt(FIELDS.length)];
          if (rnd.nextInt(10) == 0) {
            key = " " + key + " ";
          }
          Object v = rnd.nextBoolean() ? STRINGS[rnd.nextInt(STRINGS.length)] : VALUES[rnd.nextInt(VALUES.length)];
          o.put(key, v);
        }
        if (rnd.nextBoolean()) {
          o.put("app_key", appKey).put("appKey", appKey).put("appId", appId);
        }
        return o.encode();
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
