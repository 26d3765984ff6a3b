package dev.beacon.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends the Sentry routes, with a valid key so that the parser runs, mangled envelopes and events:
 * truncated and bit-flipped bodies, truncated gzip and deflate, lengths that lie, headers that are
 * not JSON, unknown and missing item types, events of the wrong shapes. Every answer must be below
 * 500 with a JSON body, and the server must stay up. Seeded like {@link FuzzTest}
 * ({@code -Dbeacon.fuzz.seed}, {@code -Dbeacon.fuzz.sentryRequests}).
 */
class SentryFuzzTest {
  static final long SEED = Long.getLong("beacon.fuzz.seed", 20261204L);
  static final int REQUESTS = Integer.getInteger("beacon.fuzz.sentryRequests", 600);

  static TestServer server;
  static String projectId;
  static String key;

  @BeforeAll
  static void up() throws Exception {
    server = TestServer.start(c -> c.clientRatePerIp(0).clientRatePerKey(0).errorRate(0));
    Api dev = server.newDeveloper();
    JsonObject app = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", "fuzz").put("platform", 1))
        .json().getJsonObject("app");
    URI dsn = URI.create(app.getString("dsn"));
    key = dsn.getUserInfo();
    projectId = dsn.getPath().substring(1);
  }

  @AfterAll
  static void down() throws Exception {
    server.close();
  }

  static final Object[] ODD = {null, "", "x", -1, 0, Double.MAX_VALUE, Long.MAX_VALUE, true, new JsonArray(), new JsonObject(),
    new JsonArray().add(new JsonObject().put("frames", "no")), "\u0000", "😀".repeat(20)};

  @Test
  void mangledEnvelopesNeverGetA5xx() {
    Random rnd = new Random(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Api anon = server.anonymous();
    for (int i = 0; i < REQUESTS; i++) {
      boolean store = rnd.nextInt(5) == 0;
      byte[] body = store ? event(rnd).encode().getBytes(StandardCharsets.UTF_8) : envelope(rnd);
      String encoding = switch (rnd.nextInt(5)) {
        case 0, 1 -> "gzip";
        case 2 -> "deflate";
        case 3 -> rnd.nextInt(4) == 0 ? "zstd" : null;
        default -> null;
      };
      if ("gzip".equals(encoding)) {
        body = compress(body, true);
      } else if ("deflate".equals(encoding)) {
        body = compress(body, false);
      }
      body = mangle(body, rnd);
      if (rnd.nextInt(8) == 0) {
        encoding = rnd.nextBoolean() ? "gzip" : "deflate"; // says compressed, is not
      }
      String path = "/api/" + (rnd.nextInt(10) == 0 ? "99999" : projectId) + (store ? "/store/" : "/envelope/");
      HttpRequest.Builder b = anon.request(path + (rnd.nextInt(3) == 0 ? "?sentry_key=" + key : ""))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (rnd.nextInt(3) != 0) {
        b.header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + (rnd.nextInt(10) == 0 ? "nope" : key));
      }
      if (encoding != null) {
        b.header("Content-Encoding", encoding);
      }
      Resp r;
      try {
        r = anon.send(b);
      } catch (RuntimeException e) {
        failures.add(path + " -> no answer: " + e);
        continue;
      }
      statuses.merge(r.status(), 1, Integer::sum);
      boolean json;
      try {
        r.json();
        json = true;
      } catch (RuntimeException e) {
        json = false;
      }
      if (r.status() >= 500 || !json) {
        failures.add(path + " " + encoding + " -> " + r);
      }
    }
    System.out.printf("sentry fuzz: %d requests (seed %d), statuses %s%n", REQUESTS, SEED, statuses);
    assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers, first ones:\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    assertEquals(200, server.anonymous().get("/health").status(), "the server is still up");
  }

  private static JsonObject event(Random rnd) {
    JsonObject ev = new JsonObject();
    String[] fields = {"event_id", "timestamp", "level", "release", "environment", "platform", "message", "logentry", "fingerprint",
        "tags", "user", "contexts", "breadcrumbs", "sdk", "exception", "threads"};
    for (String f : fields) {
      int pick = rnd.nextInt(4);
      if (pick == 0) {
        ev.put(f, ODD[rnd.nextInt(ODD.length)]);
      } else if (pick == 1) {
        ev.put(f, sensible(f, rnd));
      }
    }
    return ev;
  }

  private static Object sensible(String field, Random rnd) {
    return switch (field) {
      case "event_id" -> rnd.nextBoolean() ? "0123456789abcdef0123456789abcdef" : "not-an-id";
      case "timestamp" -> rnd.nextBoolean() ? "2026-12-04T10:00:00Z" : 1.7e9;
      case "exception" -> new JsonObject().put("values", new JsonArray().add(new JsonObject().put("type", "E").put("value", "v")
          .put("stacktrace", new JsonObject().put("frames", new JsonArray().add(new JsonObject().put("function", rnd.nextBoolean() ? (Object) "f" : 3))
              .add("junk").add(new JsonObject().put("module", new JsonObject()).put("lineno", "x"))))));
      case "threads" -> new JsonArray().add(new JsonObject().put("crashed", true).put("stacktrace", new JsonObject().put("frames", "x")));
      case "tags" -> rnd.nextBoolean() ? new JsonObject().put("a", 1) : new JsonArray().add(new JsonArray().add("k").add("v")).add("odd");
      case "fingerprint" -> new JsonArray().add("{{ default }}").add(7).addNull();
      case "user" -> new JsonObject().put("id", rnd.nextBoolean() ? "u" : 12);
      case "breadcrumbs" -> new JsonObject().put("values", new JsonArray().add(1).add(new JsonObject()));
      default -> "text";
    };
  }

  private static byte[] envelope(Random rnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonObject header = new JsonObject();
    if (rnd.nextBoolean()) {
      header.put("event_id", rnd.nextBoolean() ? "0123456789abcdef0123456789abcdef" : ODD[rnd.nextInt(ODD.length)]);
    }
    if (rnd.nextInt(4) == 0) {
      header.put("dsn", rnd.nextBoolean() ? "http://" + key + "@h/" + projectId : "::not a url::");
    }
    write(out, rnd.nextInt(20) == 0 ? "not json" : header.encode());
    write(out, "\n");
    String[] types = {"event", "session", "sessions", "attachment", "client_report", "transaction", "weird", null};
    int items = rnd.nextInt(5);
    for (int i = 0; i < items; i++) {
      String type = types[rnd.nextInt(types.length)];
      byte[] payload = switch (type == null ? "" : type) {
        case "event" -> event(rnd).encode().getBytes(StandardCharsets.UTF_8);
        case "session" -> new JsonObject().put("sid", rnd.nextBoolean() ? "s1" : ODD[rnd.nextInt(ODD.length)]).put("status", "crashed")
            .put("errors", ODD[rnd.nextInt(ODD.length)]).put("attrs", new JsonObject().put("release", rnd.nextBoolean() ? "a@1.0" : 5))
            .put("started", ODD[rnd.nextInt(ODD.length)]).encode().getBytes(StandardCharsets.UTF_8);
        case "sessions" -> new JsonObject().put("aggregates", rnd.nextBoolean() ? new JsonArray().add(new JsonObject().put("started", "x")
            .put("exited", -5).put("crashed", 1e12)) : "x").put("attrs", new JsonObject().put("release", "a@2")).encode()
            .getBytes(StandardCharsets.UTF_8);
        default -> ("bytes " + rnd.nextInt()).getBytes(StandardCharsets.UTF_8);
      };
      JsonObject h = new JsonObject();
      if (type != null) {
        h.put("type", type);
      }
      switch (rnd.nextInt(5)) {
        case 0 -> h.put("length", payload.length);
        case 1 -> h.put("length", rnd.nextInt(payload.length + 50));
        case 2 -> h.put("length", ODD[rnd.nextInt(ODD.length)]);
        default -> { }
      }
      write(out, h.encode());
      write(out, "\n");
      out.writeBytes(payload);
      write(out, "\n");
    }
    return out.toByteArray();
  }

  private static byte[] mangle(byte[] body, Random rnd) {
    switch (rnd.nextInt(4)) {
      case 0:
        return Arrays.copyOf(body, body.length == 0 ? 0 : rnd.nextInt(body.length));
      case 1:
        byte[] flipped = body.clone();
        for (int i = 0; i < 1 + rnd.nextInt(4) && flipped.length > 0; i++) {
          flipped[rnd.nextInt(flipped.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        return flipped;
      default:
        return body;
    }
  }

  private static byte[] compress(byte[] bytes, boolean gzip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var z = gzip ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
