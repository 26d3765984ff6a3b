package dev.beacon.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConsoleOptionsTest {
  private static final Properties NONE = new Properties();

  @Test
  void defaultsAreTheUserDataFolderAndPort8470WithFallback() {
    ConsoleOptions o = ConsoleOptions.parse(new String[0], NONE);
    assertEquals(ServerHost.defaultDataDir().toAbsolutePath().normalize(), o.dataDir());
    assertEquals(8470, o.port());
    assertFalse(o.portChosen(), "the default port may fall back to a free one");
  }

  @Test
  void dataAndPortInBothSpellings() {
    ConsoleOptions a = ConsoleOptions.parse(new String[] {"--data", "/tmp/b1", "--port", "9000"}, NONE);
    assertEquals(Path.of("/tmp/b1"), a.dataDir());
    assertEquals(9000, a.port());
    assertTrue(a.portChosen());
    ConsoleOptions b = ConsoleOptions.parse(new String[] {"--port=0", "--data=/tmp/b2"}, NONE);
    assertEquals(Path.of("/tmp/b2"), b.dataDir());
    assertEquals(0, b.port());
  }

  @Test
  void systemPropertiesSetDefaultsThatOptionsOverride() {
    Properties p = new Properties();
    p.setProperty(ConsoleOptions.DATA_PROPERTY, "/tmp/from-prop");
    p.setProperty(ConsoleOptions.PORT_PROPERTY, "0");
    ConsoleOptions fromProps = ConsoleOptions.parse(new String[0], p);
    assertEquals(Path.of("/tmp/from-prop"), fromProps.dataDir());
    assertEquals(0, fromProps.port());
    assertTrue(fromProps.portChosen());
    assertEquals(Path.of("/tmp/from-arg"), ConsoleOptions.parse(new String[] {"--data", "/tmp/from-arg"}, p).dataDir());
  }

  @Test
  void rejectsWhatItDoesNotKnow() {
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse(new String[] {"--host", "0.0.0.0"}, NONE));
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse(new String[] {"--port"}, NONE));
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse(new String[] {"--port", "http"}, NONE));
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse(new String[] {"--port", "70000"}, NONE));
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse(new String[] {"--data="}, NONE));
  }

  @Test
  void serverNamesARemoteBeacon() {
    ConsoleOptions o = ConsoleOptions.parse(new String[] {"--server", "http://10.0.0.5:8470"}, NONE);
    assertTrue(o.remote());
    assertEquals("http://10.0.0.5:8470", o.server().toString());
    assertFalse(ConsoleOptions.parse(new String[0], NONE).remote());
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse(new String[] {"--server", "ftp://x"}, NONE));
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse(new String[] {"--server=not a url"}, NONE));
  }

  /** What {@link ConsoleOptions#read} printed and did; {@code exit} is -1 when it did not exit. */
  private record Launch(ConsoleOptions options, int exit, String out, String err) {}

  private static Launch launch(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] exit = {-1};
    ConsoleOptions o = ConsoleOptions.read(args, NONE, new PrintWriter(out, true), new PrintWriter(err, true), code -> exit[0] = code);
    return new Launch(o, exit[0], out.toString(), err.toString());
  }

  @Test
  void helpShowsTheThreeWaysToStartAndTheSharedServerOptions() {
    Launch l = launch("--help");
    assertNull(l.options(), "help opens nothing");
    assertEquals(-1, l.exit());
    assertTrue(l.out().startsWith("Usage: java -jar beacon.jar [--data DIR] [--port P]"), l.out());
    for (String part : List.of("--server URL", "--headless [server options]", "--data=DIR", "--port=P", "(default 8470; 0 picks a free one)",
        "--version", "beacon.data and beacon.port")) {
      assertTrue(l.out().contains(part), part + " in\n" + l.out());
    }
    assertFalse(l.out().contains("--host"), "the server-only options are listed by --headless --help");
  }

  @Test
  void versionPrintsTheBuildsVersion() {
    Launch l = launch("--version");
    assertNull(l.options());
    assertTrue(l.out().strip().matches("Beacon \\S+"), l.out());
  }

  @Test
  void aBadCommandLineNamesTheFlagAndExitsTwo() {
    Launch unknown = launch("--host", "0.0.0.0");
    assertNull(unknown.options());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("beacon: unknown option --host\n"), unknown.err());
    assertTrue(unknown.err().contains("Usage: java -jar beacon.jar"), unknown.err());
    assertEquals("beacon: --port needs a number, got 'http'", launch("--port", "http").err().lines().findFirst().orElseThrow());
    assertEquals("beacon: --server needs an http:// or https:// URL, got 'ftp://x'",
        launch("--server", "ftp://x").err().lines().findFirst().orElseThrow());
    Launch fine = launch("--port=0");
    assertEquals(-1, fine.exit());
    assertEquals(0, fine.options().port());
  }
}
