package dev.beacon.desktop.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.desktop.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ServerModelTest {
  @Test
  void uptimeFromTheServersStartTime() {
    LocalDateTime now = LocalDateTime.of(2026, 11, 23, 12, 0, 0);
    assertEquals("42 s", ServerModel.uptime("2026-11-23 11:59:18", now));
    assertEquals("5 min", ServerModel.uptime("2026-11-23 11:55:00", now));
    assertEquals("2 h 30 min", ServerModel.uptime("2026-11-23 09:30:00", now));
    assertEquals("3 d 1 h", ServerModel.uptime("2026-11-20 11:00:00", now));
    assertEquals("", ServerModel.uptime("yesterday", now));
    assertEquals("", ServerModel.uptime("", now));
  }

  @Test
  void sizesOnDisk() throws Exception {
    assertEquals("512 B", ServerModel.bytes(512));
    assertEquals("1.5 KB", ServerModel.bytes(1536));
    assertEquals("2.0 MB", ServerModel.bytes(2L * 1024 * 1024));
    Path dir = TempDirs.create("beacon-size-");
    try {
      assertEquals(0, ServerModel.folderSize(dir.resolve("missing")));
      Files.createDirectories(dir.resolve("a/b"));
      Files.write(dir.resolve("a/x"), new byte[100]);
      Files.write(dir.resolve("a/b/y"), new byte[50]);
      assertEquals(150, ServerModel.folderSize(dir));
    } finally {
      TempDirs.delete(dir);
    }
  }
}
