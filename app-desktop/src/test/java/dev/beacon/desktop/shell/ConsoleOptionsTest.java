package dev.beacon.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
}
