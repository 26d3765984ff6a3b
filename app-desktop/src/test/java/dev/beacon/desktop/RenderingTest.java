package dev.beacon.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingTest {
  @TempDir
  Path dri;

  private static Properties os(String name) {
    Properties p = new Properties();
    p.setProperty("os.name", name);
    return p;
  }

  @Test
  void linuxWithoutRenderNodeUsesSoftwareRenderer() throws Exception {
    Files.createFile(dri.resolve("card0")); // a display controller alone draws nothing
    Properties p = os("Linux");
    assertTrue(Rendering.choose(p, dri));
    assertEquals("sw", p.getProperty(Rendering.ORDER));
    Properties none = os("Linux");
    assertTrue(Rendering.choose(none, dri.resolve("missing")), "no /dev/dri at all");
  }

  @Test
  void linuxWithGpuKeepsJavaFxChoice() throws Exception {
    Files.createFile(dri.resolve("renderD128"));
    Properties p = os("Linux");
    assertFalse(Rendering.choose(p, dri));
    assertNull(p.getProperty(Rendering.ORDER));
  }

  @Test
  void userChoiceAndOtherSystemsAreLeftAlone() {
    Properties chosen = os("Linux");
    chosen.setProperty(Rendering.ORDER, "es2");
    assertFalse(Rendering.choose(chosen, dri));
    assertEquals("es2", chosen.getProperty(Rendering.ORDER));
    Properties monocle = os("Linux");
    monocle.setProperty("glass.platform", "Monocle");
    assertFalse(Rendering.choose(monocle, dri));
    for (String name : new String[] {"Windows 11", "Mac OS X"}) {
      Properties p = os(name);
      assertFalse(Rendering.choose(p, dri), name);
      assertNull(p.getProperty(Rendering.ORDER), name);
    }
  }
}
