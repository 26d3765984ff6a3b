package dev.beacon.api.files;

import static dev.beacon.api.files.FileFixtures.bytes;
import static dev.beacon.api.files.FileFixtures.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestDatabase;
import dev.beacon.api.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --files DIR}: the hosted files live in DIR instead of {@code DATA/files}; with two servers
 * on one PostgreSQL database sharing DIR, a file uploaded through one downloads from the other; a
 * server starting on a shared folder leaves the uploads another one is writing alone.
 */
class SharedFilesTest {
  @TempDir Path shared;

  @Test
  void uploadsGoToTheFilesFolderAndStayThereAcrossARestart() throws Exception {
    try (TestServer server = TestServer.start(c -> c.filesDir(shared))) {
      Api dev = server.newDeveloper();
      byte[] content = bytes(5000, 7);
      String name = upload(dev, "/v1/user/uploadfile", "app-1.0.zip", content).json().getString("filename");
      assertTrue(Files.exists(shared.resolve(name)), "stored in --files");
      assertFalse(Files.exists(server.dataDir().resolve("files").resolve(name)), "not in DATA/files");
      server.restart();
      assertArrayEquals(content, download(server, name));
    }
  }

  @Test
  @org.junit.jupiter.api.condition.DisabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
      disabledReason = "the backup copies the H2 database; PostgreSQL is backed up with its own tools (README)")
  void aBackupCopiesTheFilesFromTheFilesFolder() throws Exception {
    try (TestServer server = TestServer.start(c -> c.filesDir(shared))) {
      String name = upload(server.newDeveloper(), "/v1/user/uploadfile", "app-1.0.zip", bytes(3000, 5))
          .json().getString("filename");
      var made = server.admin().post("/v1/admin/backup", new io.vertx.core.json.JsonObject());
      assertEquals(1000, made.code(), made::toString);
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(made.json().getString("file"))) {
        assertTrue(zip.getEntry("files/" + name) != null, "the backup holds the file, under files/ as before");
      }
    }
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
      disabledReason = "two servers share one PostgreSQL database (the CI PostgreSQL run runs this); on H2 one process serves it")
  void aFileUploadedThroughOneServerDownloadsFromTheOther() throws Exception {
    assertTrue(TestDatabase.postgres());
    try (TestServer a = TestServer.start(c -> c.filesDir(shared)); TestServer b = a.alongside()) {
      Api dev = a.newDeveloper();
      byte[] content = bytes(100_000, 11);
      String name = upload(dev, "/v1/user/uploadfile", "setup-2.0.exe", content).json().getString("filename");
      assertArrayEquals(content, download(b, name), "B serves what was uploaded through A");
      Api onB = new Api(b.base(), dev.openId, dev.token);
      byte[] second = bytes(2000, 12);
      String other = upload(onB, "/v1/user/uploadfile", "notes.txt", second).json().getString("filename");
      assertArrayEquals(second, download(a, other), "and A what was uploaded through B");
    }
  }

  @Test
  void aSharedIncomingFolderKeepsUploadsInProgressAndClearsAbandonedOnes() throws Exception {
    FileStore store = new FileStore(shared);
    store.prepare(true);
    Path writing = store.newTemp();
    Path abandoned = store.newTemp();
    Files.writeString(writing, "in progress on another instance");
    Files.writeString(abandoned, "left by a crash");
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(FileStore.ABANDONED).minusSeconds(60)));
    store.prepare(true);
    assertTrue(Files.exists(writing), "an upload written to lately is left alone");
    assertFalse(Files.exists(abandoned), "one nobody wrote to for an hour is removed");
    store.prepare(false);
    assertFalse(Files.exists(writing), "a folder of its own is cleared at start, as before");
  }

  private static byte[] download(TestServer server, String name) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.base() + "/files/" + name)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    return r.body();
  }
}
