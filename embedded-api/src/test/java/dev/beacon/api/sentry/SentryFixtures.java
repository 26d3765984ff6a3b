package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Apps with their DSN, and envelopes and events as Sentry SDKs send them, for the Sentry tests. */
final class SentryFixtures {
  private SentryFixtures() {}

  /** An app with its DSN as its developer sees it. */
  record DsnApp(String appId, String appKey, String dsn, String key, String projectId) {
    String envelopePath() {
      return "/api/" + projectId + "/envelope/";
    }

    String storePath() {
      return "/api/" + projectId + "/store/";
    }

    String auth() {
      return "Sentry sentry_version=7, sentry_client=beacon-test/1.0, sentry_key=" + key;
    }
  }

  static DsnApp create(Api dev) {
    Resp r = dev.post("/v1/user/" + dev.openId + "/app",
        new JsonObject().put("name", "sentry-" + UUID.randomUUID().toString().substring(0, 8)).put("platform", 3));
    assertEquals(200, r.status(), r::toString);
    return of(r.json().getJsonObject("app"));
  }

  static DsnApp of(JsonObject app) {
    String dsn = app.getString("dsn");
    URI u = URI.create(dsn);
    return new DsnApp(app.getString("appId"), app.getString("appKey"), dsn, u.getUserInfo(), u.getPath().substring(1));
  }

  static String eventId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** A Java exception event: {@code frames} as {module, function} pairs, oldest caller first. */
  static JsonObject javaEvent(String eventId, String type, String module, String value, String release, String[][] frames) {
    JsonArray fs = new JsonArray();
    for (String[] f : frames) {
      fs.add(new JsonObject().put("module", f[0]).put("function", f[1]).put("filename", f[0].substring(f[0].lastIndexOf('.') + 1) + ".java")
          .put("lineno", 42).put("in_app", !f[0].startsWith("java.")));
    }
    return new JsonObject()
        .put("event_id", eventId)
        .put("timestamp", "2026-12-04T10:00:00.000Z")
        .put("platform", "java")
        .put("level", "error")
        .put("release", release)
        .put("environment", "staging")
        .put("user", new JsonObject().put("id", "install-1"))
        .put("tags", new JsonObject().put("shard", "eu"))
        .put("exception", new JsonObject().put("values", new JsonArray().add(new JsonObject()
            .put("type", type).put("module", module).put("value", value)
            .put("stacktrace", new JsonObject().put("frames", fs)))));
  }

  /** An envelope of items: each {type, payload, withLength}. */
  static byte[] envelope(JsonObject header, Object... items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, header.encode() + "\n");
    for (Object o : items) {
      Item it = (Item) o;
      byte[] payload = it.payload();
      JsonObject h = it.header().copy();
      if (it.withLength()) {
        h.put("length", payload.length);
      }
      write(out, h.encode() + "\n");
      out.writeBytes(payload);
      write(out, "\n");
    }
    return out.toByteArray();
  }

  record Item(JsonObject header, byte[] payload, boolean withLength) {
    static Item of(String type, JsonObject payload, boolean withLength) {
      return new Item(new JsonObject().put("type", type), payload.encode().getBytes(StandardCharsets.UTF_8), withLength);
    }

    static Item raw(JsonObject header, byte[] payload, boolean withLength) {
      return new Item(header, payload, withLength);
    }
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** POSTs bytes to a path, with optional auth header and Content-Encoding. */
  static Resp post(Api anon, String path, byte[] body, String auth, String encoding) {
    HttpRequest.Builder b = anon.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/x-sentry-envelope");
    if (auth != null) {
      b.header("X-Sentry-Auth", auth);
    }
    if (encoding != null) {
      b.header("Content-Encoding", encoding);
    }
    return anon.send(b);
  }
}
