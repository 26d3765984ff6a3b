package dev.beacon.api.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.DataFolder;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/** An online backup, restored into a fresh folder as the README says, holds the data. */
class BackupApiTest {
  /** A file the test puts in each data folder, which the data folder's features leave alone. */
  static final String MARK = "backup-check.txt";

  @Test
  void onlyAnAdminTakesABackup() throws Exception {
    try (TestServer server = TestServer.start()) {
      Resp anonymous = server.anonymous().post("/v1/admin/backup", new JsonObject());
      assertEquals(401, anonymous.status(), anonymous::toString);
      Resp developer = server.newDeveloper().post("/v1/admin/backup", new JsonObject());
      assertEquals(403, developer.status(), developer::toString);
      assertEquals(4003, developer.code(), developer::toString);
      assertFalse(Files.exists(server.dataDir().resolve(Backups.FOLDER)), "nothing written for a refused caller");
    }
  }

  /**
   * On PostgreSQL the route refuses (4007, naming pg_dump) and writes nothing: neither a zip nor a
   * part of one in DATA/backups, nor anything in the hosted files' folder ({@code --files}), which
   * keeps what it held; the server keeps serving.
   */
  @Test
  @EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres", disabledReason = "on H2 the backup is made; the test below restores it")
  void onPostgresqlTheBackupSaysToUseTheDatabasesOwnToolsAndWritesNothing() throws Exception {
    Path files = Files.createTempDirectory("beacon-hosted-files-");
    try (TestServer server = TestServer.start(c -> c.filesDir(files))) {
      Files.writeString(files.resolve(MARK), "hosted");
      List<Path> before = listing(files);
      for (int i = 0; i < 2; i++) {
        Resp refused = server.admin().post("/v1/admin/backup", new JsonObject());
        assertEquals(409, refused.status(), refused::toString);
        assertEquals(4007, refused.json().getInteger("code"), refused::toString);
        String msg = refused.json().getString("msg");
        assertTrue(msg.contains("pg_dump") && msg.contains("H2"), refused::toString);
        assertNull(refused.json().getValue("file"), refused::toString);
      }
      Path backups = server.dataDir().resolve(Backups.FOLDER);
      assertTrue(!Files.exists(backups) || isEmpty(backups), "no backup nor part of one in " + backups);
      assertEquals(before, listing(files), "the hosted files are left as they were");
      Api dev = server.newDeveloper();
      Resp app = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", "still served").put("platform", 2));
      assertEquals(1000, app.code(), app::toString);
    } finally {
      TestServer.deleteTree(files);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    return listing(dir).isEmpty();
  }

  /** Every file and folder in {@code dir}, at any depth, sorted. */
  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).sorted().toList();
    }
  }

  @Test
  @DisabledIf(value = "dev.beacon.api.support.TestDatabase#postgres", disabledReason = "Beacon backs up only its own H2 database; on PostgreSQL it refuses and names pg_dump,"
      + " which onPostgresqlTheBackupSaysToUseTheDatabasesOwnToolsAndWritesNothing checks")
  void backupWhileRunningThenRestoreIntoAFreshFolder() throws Exception {
    Path backup;
    String appId;
    String openId;
    try (TestServer server = TestServer.start()) {
      Api dev = server.newDeveloper();
      openId = dev.openId;
      appId = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", "kept").put("platform", 2))
          .json().getJsonObject("app").getString("appId");
      String key = dev.get("/v1/user/" + dev.openId + "/app/" + appId).json().getJsonObject("app").getString("appKey");
      Resp beat = server.anonymous().post("/api/v1/user/heartbeat",
          new JsonObject().put("app_key", key).put("machine_id", "m1").put("version", "1.0"));
      assertEquals(200, beat.status());

      // a file in each folder a feature keeps data in: the backup must hold every one
      List<String> folders = server.server().dataFolders().stream().map(DataFolder::name).toList();
      assertTrue(folders.containsAll(List.of("files", "usage-log")), folders::toString);
      for (String folder : folders) {
        Files.writeString(Files.createDirectories(server.dataDir().resolve(folder)).resolve(MARK), folder);
      }

      assertEquals(4003, dev.post("/v1/admin/backup", new JsonObject()).code(), "developers cannot take backups");
      Resp made = server.admin().post("/v1/admin/backup", new JsonObject());
      assertEquals(1000, made.code(), made::toString);
      backup = Path.of(made.json().getString("file"));
      assertTrue(Files.isRegularFile(backup));
      assertEquals(Files.size(backup), made.json().getLong("size"));
      assertTrue(backup.startsWith(server.dataDir().resolve("backups")));
      try (ZipFile zip = new ZipFile(backup.toFile())) {
        for (String folder : folders) {
          assertNotNull(zip.getEntry(folder + "/" + MARK), () -> "the backup holds the data folder " + folder);
        }
      }

      // the server keeps working while and after it backs up
      assertEquals(200, server.anonymous().post("/api/v1/user/heartbeat",
          new JsonObject().put("app_key", key).put("machine_id", "m2").put("version", "1.0")).status());

      Path copy = Files.createTempFile("beacon-backup-", ".zip");
      Files.copy(backup, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      backup = copy;
    }

    Path restored = Files.createTempDirectory("beacon-restored-");
    unzip(backup, restored);
    assertTrue(Files.exists(restored.resolve("db").resolve("beacon.mv.db")));
    try (TestServer again = TestServer.startIn(restored)) {
      Resp app = again.admin().get("/v1/admin/app?openId=" + openId);
      assertEquals(1, app.json().getInteger("totalCount"), app::toString);
      assertEquals(appId, app.json().getJsonArray("apps").getJsonObject(0).getString("appId"));
      assertEquals(1, dev.beacon.api.telemetry.TestApps.machines(again, appId).size(),
          "the heartbeat before the backup is in it (logged, or in the usage snapshot), the one after is not");
    } finally {
      Files.deleteIfExists(backup);
    }
  }

  /** The README's restore: unzip the backup into an empty folder. */
  private static void unzip(Path zip, Path dir) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path target = dir.resolve(e.getName()).normalize();
        assertTrue(target.startsWith(dir), e.getName());
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
          in.transferTo(out);
        }
      }
    }
  }
}
