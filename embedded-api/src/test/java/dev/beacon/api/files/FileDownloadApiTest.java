package dev.beacon.api.files;

import static dev.beacon.api.files.FileFixtures.bytes;
import static dev.beacon.api.files.FileFixtures.raw;
import static dev.beacon.api.files.FileFixtures.status;
import static dev.beacon.api.files.FileFixtures.upload;
import static dev.beacon.api.support.ApiAsserts.assertOk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET|HEAD /files/{filename}}: content, headers, ranges, and names that must not escape the folder. */
class FileDownloadApiTest extends ServerTest {
  static Api dev;
  static byte[] content;
  static String name;

  @BeforeAll
  static void up() throws Exception {
    dev = server.newDeveloper();
    content = bytes(1000, 21);
    name = upload(dev, "/v1/user/uploadfile", "app-2.0.apk", content).json().getString("filename");
  }

  private static HttpResponse<byte[]> get(String path, String... headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(server.base() + path));
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void servesTheWholeFileWithTypeLengthAndRanges() {
    HttpResponse<byte[]> r = get("/files/" + name);
    assertEquals(200, r.statusCode());
    assertArrayEquals(content, r.body());
    assertEquals("application/vnd.android.package-archive", header(r, "Content-Type"));
    assertEquals("1000", header(r, "Content-Length"));
    assertEquals("bytes", header(r, "Accept-Ranges"));
  }

  @Test
  void answersRangesWith206() {
    HttpResponse<byte[]> mid = get("/files/" + name, "Range", "bytes=10-19");
    assertEquals(206, mid.statusCode());
    assertEquals("bytes 10-19/1000", header(mid, "Content-Range"));
    assertEquals("10", header(mid, "Content-Length"));
    assertArrayEquals(Arrays.copyOfRange(content, 10, 20), mid.body());

    HttpResponse<byte[]> suffix = get("/files/" + name, "Range", "bytes=-5");
    assertEquals(206, suffix.statusCode());
    assertEquals("bytes 995-999/1000", header(suffix, "Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(content, 995, 1000), suffix.body());

    HttpResponse<byte[]> open = get("/files/" + name, "Range", "bytes=100-");
    assertEquals(206, open.statusCode());
    assertEquals("bytes 100-999/1000", header(open, "Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(content, 100, 1000), open.body());

    HttpResponse<byte[]> clamped = get("/files/" + name, "Range", "bytes=990-5000");
    assertEquals("bytes 990-999/1000", header(clamped, "Content-Range"));
    assertEquals(10, clamped.body().length);
  }

  @Test
  void refusesRangesPastTheEndAndIgnoresMalformedOnes() {
    for (String range : List.of("bytes=1000-", "bytes=5000-6000", "bytes=-0")) {
      HttpResponse<byte[]> r = get("/files/" + name, "Range", range);
      assertEquals(416, r.statusCode(), range);
      assertEquals("bytes */1000", header(r, "Content-Range"), range);
    }
    for (String range : List.of("bytes=19-10", "items=0-5", "bytes=0-1,5-6", "bytes=abc")) {
      HttpResponse<byte[]> r = get("/files/" + name, "Range", range);
      assertEquals(200, r.statusCode(), range);
      assertArrayEquals(content, r.body(), range);
    }
  }

  @Test
  void headAnswersTheHeadersOnly() {
    String answer = raw(server.port(), "HEAD", "/files/" + name);
    assertEquals(200, status(answer));
    assertTrue(answer.toLowerCase().contains("content-length: 1000"), answer);
    assertTrue(answer.toLowerCase().contains("accept-ranges: bytes"), answer);
    assertTrue(answer.endsWith("\r\n\r\n"), "no body: " + answer);
  }

  @Test
  void isNeverCompressedSoLengthsAndRangesHold() throws Exception {
    byte[] text = "the same line again and again\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
    String textName = upload(dev, "/v1/user/uploadfile", "notes.txt", text).json().getString("filename");
    HttpResponse<byte[]> r = get("/files/" + textName, "Accept-Encoding", "gzip, deflate");
    assertEquals(200, r.statusCode());
    assertNull(header(r, "Content-Encoding"), "sent as it is");
    assertArrayEquals(text, r.body());
    assertTrue(header(r, "Content-Type").startsWith("text/plain"), header(r, "Content-Type"));
    HttpResponse<byte[]> part = get("/files/" + textName, "Accept-Encoding", "gzip", "Range", "bytes=4-7");
    assertEquals("same", new String(part.body(), StandardCharsets.UTF_8));
  }

  @Test
  void unknownNamesAreNotFound() {
    HttpResponse<byte[]> r = get("/files/" + "a".repeat(32) + ".apk");
    assertEquals(404, r.statusCode());
    assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"code\":4004"));
  }

  @Test
  void namesCannotEscapeTheStorageFolder() throws Exception {
    // a file of the stored shape just outside DATA/files, and one in the database folder
    String outside = "b".repeat(32) + ".txt";
    Files.writeString(server.dataDir().resolve(outside), "SECRET-OUTSIDE");
    List<String> attempts = List.of(
        "/files/../" + outside,
        "/files/..%2f" + outside,
        "/files/%2e%2e%2f" + outside,
        "/files/%2E%2E/" + outside,
        "/files/..%5c" + outside,
        "/files/..\\" + outside,
        "/files/%2e%2e%5c" + outside,
        "/files/../../../../etc/passwd",
        "/files/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/files//etc/passwd",
        "/files/%2fetc%2fpasswd",
        "/files/" + name + "%00.txt",
        "/files/" + name + "%00",
        "/files/%00",
        "/files/.incoming",
        "/files/db",
        "/files/" + name.toUpperCase());
    for (String target : attempts) {
      String answer = raw(server.port(), "GET", target);
      int status = status(answer);
      assertTrue(status >= 400 && status < 500, target + " -> " + answer);
      assertFalse(answer.contains("SECRET-OUTSIDE"), target);
      assertFalse(answer.contains("root:"), target);
    }
    assertEquals(400, status(raw(server.port(), "GET", "/files/..%2f" + outside)), "a decoded ../ is refused as a name");
    assertOk(dev.get("/v1/user/" + dev.openId + "/app"));
  }
}
