package dev.beacon.desktop.server;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.desktop.TempDirs;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.shell.ConsoleOptions;
import dev.beacon.desktop.shell.ConsoleSettings;
import dev.beacon.desktop.shell.ServerHost;
import dev.beacon.desktop.shell.ServerLifecycle;
import dev.beacon.desktop.shell.ServerState;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.ConsoleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server screen's model without a stage: settings saved for the next start, the database's size, the figures it shows. */
class ServerModelTest {
  @Test
  void savesTheSettingsAndAsksForARestart() throws Exception {
    Path data = TempDirs.create("beacon-settings-");
    try {
      Files.createDirectories(data.resolve("db"));
      Files.write(data.resolve("db/beacon.mv.db"), new byte[2048]);
      List<Runnable> starts = new ArrayList<>(); // the lifecycle's work is kept, not run: no server starts here
      ConsoleContext ctx = Models.signedOut();
      ServerLifecycle lifecycle = call(() -> new ServerLifecycle(new ServerHost(), new ConsoleOptions(data, 0, false),
          BeaconClient::new, starts::add, javafx.util.Duration.seconds(3)));
      ServerModel m = call(() -> new ServerModel(ctx, lifecycle));
      run(m::load);
      assertEquals("", m.portProperty().get());
      assertEquals(false, m.selfRegistrationProperty().get());
      assertEquals(2048, m.dbBytesProperty().get());

      run(() -> {
        m.portProperty().set("70000");
        m.saveAndRestart();
      });
      assertEquals("The port must be a number between 1 and 65535, or empty for the default.", m.problemProperty().get());
      assertEquals(List.of(), starts, "nothing restarts on a bad port");

      run(() -> {
        m.portProperty().set(" 8471 ");
        m.selfRegistrationProperty().set(true);
        m.saveAndRestart();
      });
      assertEquals("", m.problemProperty().get());
      assertEquals("Saved; the server restarts.", m.savedProperty().get());
      assertEquals(1, starts.size(), "the server is restarted with them");
      assertEquals(ServerState.STARTING, lifecycle.stateProperty().get());
      ConsoleSettings saved = ConsoleSettings.load(data);
      assertEquals("8471", saved.get(ConsoleSettings.SERVER_PORT, ""));
      assertEquals(true, saved.selfRegistration());

      ServerModel again = call(() -> new ServerModel(ctx, lifecycle));
      run(again::load);
      assertEquals("8471", again.portProperty().get());
      assertEquals(true, again.selfRegistrationProperty().get());
    } finally {
      TempDirs.delete(data);
    }
  }

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
