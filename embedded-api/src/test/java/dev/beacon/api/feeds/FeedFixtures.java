package dev.beacon.api.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Uploads and versions for the feed tests, made over HTTP. */
final class FeedFixtures {
  private static final String BOUNDARY = "----beacon-feed-test-boundary";

  private FeedFixtures() {}

  /** Random bytes, the same for the same seed. */
  static byte[] bytes(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Uploads a file as a developer; answers the upload's JSON ({@code id, md5, sha1, sha256, sha512, size, url}). */
  static JsonObject upload(Api dev, String filename, byte[] content) {
    byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(content, 0, all, head.length, content.length);
    System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
    Resp r = dev.send(dev.request("/v1/user/uploadfile").header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(all)));
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  static String hex(String algorithm, byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String versions(Api dev, String appId) {
    return "/v1/user/" + dev.openId + "/app/" + appId + "/version";
  }

  /** Creates a version; answers its JSON. */
  static JsonObject version(Api dev, String appId, JsonObject body) {
    Resp r = dev.post(versions(dev, appId), body);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("appVersion");
  }

  static JsonObject act(Api dev, String appId, String versionId, JsonObject action) {
    Resp r = dev.post(versions(dev, appId) + "/" + versionId + "/action", action);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("appVersion");
  }
}
