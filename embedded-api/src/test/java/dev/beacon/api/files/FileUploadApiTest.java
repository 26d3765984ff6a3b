package dev.beacon.api.files;

import static dev.beacon.api.files.FileFixtures.MULTIPART;
import static dev.beacon.api.files.FileFixtures.bytes;
import static dev.beacon.api.files.FileFixtures.incomingFiles;
import static dev.beacon.api.files.FileFixtures.md5;
import static dev.beacon.api.files.FileFixtures.multipart;
import static dev.beacon.api.files.FileFixtures.storedFiles;
import static dev.beacon.api.files.FileFixtures.uploadHead;
import static dev.beacon.api.files.FileFixtures.upload;
import static dev.beacon.api.files.FileFixtures.uploadChunked;
import static dev.beacon.api.support.ApiAsserts.assertError;
import static dev.beacon.api.support.ApiAsserts.assertOk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploading and deleting files: who may, what is answered, what is kept on disk and in
 * {@code stored_file}, and that refused or broken uploads leave nothing behind. The server runs
 * with a 1 MiB upload limit.
 */
class FileUploadApiTest {
  static final long LIMIT = 1024 * 1024;
  static TestServer server;

  @BeforeAll
  static void up() throws Exception {
    server = TestServer.start(c -> c.uploadLimit(LIMIT));
  }

  @AfterAll
  static void down() throws Exception {
    server.close();
  }

  @BeforeEach
  void nothingHalfDone() {
    assertEquals(List.of(), incomingFiles(server.dataDir()), "no upload in progress between tests");
  }

  private static long rows(String where, String value) throws Exception {
    try (Connection c = server.server().db().dataSource().getConnection();
        PreparedStatement st = c.prepareStatement("select count(*) from stored_file" + (where == null ? "" : " where " + where))) {
      if (where != null) {
        st.setString(1, value);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The stored rows and files now, to check later that refused uploads added nothing. */
  private record Stored(long rows, int files) {
    static Stored now() throws Exception {
      return new Stored(FileUploadApiTest.rows(null, null), storedFiles(server.dataDir()).size());
    }

    void assertNothingAdded() throws Exception {
      assertEquals(rows, FileUploadApiTest.rows(null, null), "no stored_file row");
      assertEquals(files, storedFiles(server.dataDir()).size(), "no file in DATA/files");
      assertEquals(List.of(), incomingFiles(server.dataDir()), "no partial file left");
    }
  }

  @Test
  void aDeveloperUploadsAndGetsTheSeedsAnswer() throws Exception {
    Api dev = server.newDeveloper();
    byte[] content = bytes(300_000, 1);
    Resp r = upload(dev, "/v1/user/uploadfile", "builds/app-1.0.APK", content);
    assertOk(r);
    JsonObject j = r.json();
    assertEquals("success", j.getString("msg"));
    assertEquals("success", j.getString("message"), "the seed's sample says message");
    assertEquals(md5(content), j.getString("md5"));
    String name = j.getString("filename");
    assertTrue(name.matches("[0-9a-f]{32}\\.apk"), name);
    assertEquals(32, j.getString("id").length());
    assertEquals("/files/" + name, j.getString("url"));
    assertEquals(content.length, j.getLong("size"));

    Path stored = server.dataDir().resolve("files").resolve(name);
    assertArrayEquals(content, Files.readAllBytes(stored));
    try (Connection c = server.server().db().dataSource().getConnection();
        PreparedStatement st = c.prepareStatement(
            "select file_id, original_name, size_bytes, md5, content_type, open_id, created_at from stored_file where filename = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(j.getString("id"), rs.getString(1));
        assertEquals("app-1.0.APK", rs.getString(2), "the last path segment of the uploader's name");
        assertEquals(content.length, rs.getLong(3));
        assertEquals(md5(content), rs.getString(4));
        assertEquals("application/octet-stream", rs.getString(5));
        assertEquals(dev.openId, rs.getString(6));
        assertTrue(rs.getTimestamp(7) != null);
      }
    }
    Resp download = dev.anonymous().get("/files/" + name);
    assertEquals(200, download.status());
    assertEquals(String.valueOf(content.length), download.header("Content-Length"));
  }

  /**
   * From a client set for HTTP/1.1 and one set for HTTP/2 (whose h2c upgrade Beacon declines),
   * every byte is stored even when the disk writes push back, and refusals answer at once
   * instead of hanging.
   */
  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void everyByteIsStoredAndRefusalsAnswerOnBothHttpVersions(HttpClient.Version version) throws Exception {
    Api dev = server.newDeveloper();
    HttpClient client = HttpClient.newBuilder().version(version).build();
    client.send(HttpRequest.newBuilder(URI.create(server.base() + "/health")).build(), HttpResponse.BodyHandlers.discarding());
    byte[] content = bytes((int) LIMIT, 11);
    java.util.function.BiFunction<String, byte[], HttpResponse<String>> post = (path, body) -> {
      try {
        return client.send(dev.request(path).timeout(java.time.Duration.ofSeconds(20)).header("Content-Type", MULTIPART)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("uploadfile", "v.zip", body))).build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new AssertionError(version + " " + path + ": " + e, e);
      }
    };
    HttpResponse<String> refused = post.apply("/v1/uploadfile", content);
    assertEquals(403, refused.statusCode(), refused::body);
    HttpResponse<String> tooBig = post.apply("/v1/user/uploadfile", bytes((int) LIMIT + 300_000, 12));
    assertEquals(400, tooBig.statusCode(), tooBig::body);
    HttpResponse<String> ok = post.apply("/v1/user/uploadfile", content);
    assertEquals(200, ok.statusCode(), ok::body);
    // Beacon speaks HTTP/1.1 only (no clear-text HTTP/2, whose detection would hide a slow request
    // head from the connection guard): a client that asks for HTTP/2 is answered in HTTP/1.1
    assertEquals(HttpClient.Version.HTTP_1_1, ok.version());
    JsonObject j = new JsonObject(ok.body());
    assertEquals(content.length, j.getLong("size"));
    assertEquals(md5(content), j.getString("md5"));
    assertArrayEquals(content, Files.readAllBytes(server.dataDir().resolve("files").resolve(j.getString("filename"))));
  }

  @Test
  void storedNamesAreServerMadeWithASafeExtension() {
    Api dev = server.newDeveloper();
    byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
    assertTrue(upload(dev, "/v1/user/uploadfile", "bundle.TAR.GZ", content).json().getString("filename").matches("[0-9a-f]{32}\\.tar\\.gz"));
    assertTrue(upload(dev, "/v1/user/uploadfile", "../../etc/passwd", content).json().getString("filename").matches("[0-9a-f]{32}"));
    assertTrue(upload(dev, "/v1/user/uploadfile", "evil.ph$p", content).json().getString("filename").matches("[0-9a-f]{32}"));
    String a = upload(dev, "/v1/user/uploadfile", "same.zip", content).json().getString("filename");
    String b = upload(dev, "/v1/user/uploadfile", "same.zip", content).json().getString("filename");
    assertFalse(a.equals(b), "two uploads of the same name are two files");
  }

  @Test
  void theAdminRouteNeedsAnAdmin() throws Exception {
    Stored before = Stored.now();
    Api dev = server.newDeveloper();
    byte[] content = bytes(200_000, 2);
    assertError(upload(dev, "/v1/uploadfile", "a.zip", content), 403, 4003, "admin");
    assertError(upload(dev.anonymous(), "/v1/uploadfile", "a.zip", content), 401, 4001, "X-Auth-Token");
    assertError(upload(dev.anonymous(), "/v1/user/uploadfile", "a.zip", content), 401, 4001, "X-Auth-Token");
    assertError(upload(dev.as(dev.openId, "wrong-token"), "/v1/user/uploadfile", "a.zip", content), 401, 4001, "token");
    // a client that waits for 100-continue is refused without being told to send the body (a raw
    // socket: the JDK 17 client hangs on any final answer to an Expect, JDK-8286171)
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(uploadHead(dev, "/v1/uploadfile", 5000, "Expect: 100-continue"));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
      assertFalse(answer.contains("100 Continue"), answer);
      assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
      assertTrue(answer.contains("\"code\":4003"), answer);
    }
    before.assertNothingAdded();

    Resp admin = upload(server.admin(), "/v1/uploadfile", "poster.png", content);
    assertOk(admin);
    assertEquals("success", admin.json().getString("message"));
    assertTrue(admin.json().getString("filename").endsWith(".png"));
    Resp continued = server.admin().send(server.admin().request("/v1/uploadfile").expectContinue(true).header("Content-Type", MULTIPART)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("uploadfile", "b.png", content))));
    assertOk(continued);
    assertEquals(md5(content), continued.json().getString("md5"));
  }

  @Test
  void malformedUploadsAreRefusedWithNothingKept() throws Exception {
    Stored before = Stored.now();
    Api dev = server.newDeveloper();
    assertError(dev.post("/v1/user/uploadfile", new JsonObject().put("uploadfile", "x")), 400, 4000, "multipart/form-data");
    assertError(upload(dev, "/v1/user/uploadfile", "a.zip", new byte[0]), 400, 4000, "empty");
    assertError(dev.send(dev.request("/v1/user/uploadfile").header("Content-Type", MULTIPART)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("file", "a.zip", bytes(1000, 3))))), 400, 4000, "uploadfile");
    assertError(dev.raw("POST", "/v1/user/uploadfile", "--nope\r\ngarbage", MULTIPART), 400, 4000, "uploadfile");
    before.assertNothingAdded();
  }

  @Test
  void overTheLimitIsRefusedWithNothingKept() throws Exception {
    Stored before = Stored.now();
    Api dev = server.newDeveloper();
    byte[] big = bytes((int) LIMIT + 512 * 1024, 4);
    // with a Content-Length, refused before reading
    assertError(upload(dev, "/v1/user/uploadfile", "big.zip", big), 400, 4000, "upload limit of 1048576 bytes");
    // chunked, refused while streaming once the file passes the limit
    assertError(uploadChunked(dev, "/v1/user/uploadfile", "big.zip", new ByteArrayInputStream(big)), 400, 4000, "upload limit");
    // one byte over, with a Content-Length that passes the first check
    assertError(upload(dev, "/v1/user/uploadfile", "big.zip", bytes((int) LIMIT + 1, 5)), 400, 4000, "upload limit");
    before.assertNothingAdded();

    byte[] exact = bytes((int) LIMIT, 6);
    Resp ok = uploadChunked(dev, "/v1/user/uploadfile", "exact.zip", new ByteArrayInputStream(exact));
    assertOk(ok);
    assertEquals(md5(exact), ok.json().getString("md5"), "exactly the limit is allowed; the server still answers after the refusals");
  }

  @Test
  void anInterruptedUploadLeavesNoFileAndNoRow() throws Exception {
    Stored before = Stored.now();
    Api dev = server.newDeveloper();
    byte[] content = bytes(800_000, 7);
    byte[] body = multipart("uploadfile", "half.zip", content);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(uploadHead(dev, "/v1/user/uploadfile", body.length));
      out.write(body, 0, body.length / 2);
      out.flush();
      waitFor(() -> !incomingFiles(server.dataDir()).isEmpty(), "the upload to start writing its temporary file");
      socket.setSoLinger(true, 0);
    }
    waitFor(() -> incomingFiles(server.dataDir()).isEmpty(), "the temporary file to be deleted");
    before.assertNothingAdded();
    assertOk(upload(dev, "/v1/user/uploadfile", "after.zip", bytes(1000, 8)));
  }

  @Test
  void uploadersAndAdminsDeleteFiles() throws Exception {
    Api dev = server.newDeveloper();
    Api other = server.newDeveloper();
    String name = upload(dev, "/v1/user/uploadfile", "a.zip", bytes(5000, 9)).json().getString("filename");
    Path stored = server.dataDir().resolve("files").resolve(name);

    assertError(other.delete("/v1/user/uploadfile/" + name), 403, 4003, "another developer");
    assertError(dev.delete("/v1/uploadfile/" + name), 403, 4003, "admin");
    assertError(dev.anonymous().delete("/v1/user/uploadfile/" + name), 401, 4001, "X-Auth-Token");
    assertTrue(Files.exists(stored));

    Resp deleted = dev.delete("/v1/user/uploadfile/" + name);
    assertOk(deleted);
    assertEquals("success", deleted.json().getString("message"));
    assertFalse(Files.exists(stored));
    assertEquals(0, rows("filename = ?", name));
    assertEquals(404, dev.anonymous().get("/files/" + name).status());
    assertError(dev.delete("/v1/user/uploadfile/" + name), 404, 4004, name);
    assertError(dev.delete("/v1/user/uploadfile/" + "0".repeat(32) + ".zip"), 404, 4004, "no uploaded file");
    assertError(dev.delete("/v1/user/uploadfile/..%2F..%2Fdb"), 400, 4000, "not the name of a file stored by Beacon");

    String byDev = upload(dev, "/v1/user/uploadfile", "b.zip", bytes(5000, 10)).json().getString("filename");
    assertOk(server.admin().delete("/v1/uploadfile/" + byDev));
    assertFalse(Files.exists(server.dataDir().resolve("files").resolve(byDev)));
    assertError(server.admin().delete("/v1/uploadfile/" + byDev), 404, 4004, byDev);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
