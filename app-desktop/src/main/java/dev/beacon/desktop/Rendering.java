package dev.beacon.desktop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Chooses JavaFX's renderer before it starts. On Linux without a GPU (a virtual machine, a remote
 * desktop, Xvfb: no render node under {@code /dev/dri}), OpenGL is Mesa's software emulation
 * (llvmpipe), which loads LLVM (about 45 MB resident); there the console uses JavaFX's own software
 * renderer at once ({@code prism.order=sw}). With a GPU, on Windows and macOS, or when {@code prism.order} is set
 * ({@code -Dprism.order=es2} brings OpenGL back), JavaFX chooses as usual. JavaFX itself would
 * decline Mesa's emulation ("System GPU doesn't meet the es2 pipe requirement") and fall back to
 * the same software renderer, but only after loading it. GTK loads OpenGL at its start too unless
 * {@code GDK_GL=disable}, which only the environment can say: the app image's Linux launcher sets
 * it on the same condition (packaging/linux/script-launchers.sh).
 */
final class Rendering {
  static final String ORDER = "prism.order";

  private Rendering() {}

  /** Sets {@value #ORDER} to {@code sw} in {@code props} when, as said above, it should be; says whether it did. */
  static boolean choose(Properties props, Path dri) {
    String os = props.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux") || props.getProperty(ORDER) != null || props.getProperty("glass.platform") != null
        || hasRenderNode(dri)) {
      return false;
    }
    props.setProperty(ORDER, "sw");
    return true;
  }

  /** Whether {@code dri} ({@code /dev/dri}) holds a render node ({@code renderD128} ...), which a GPU's driver makes. */
  static boolean hasRenderNode(Path dri) {
    if (!Files.isDirectory(dri)) {
      return false;
    }
    try (DirectoryStream<Path> nodes = Files.newDirectoryStream(dri, "renderD*")) {
      return nodes.iterator().hasNext();
    } catch (IOException | SecurityException e) {
      return true; // cannot tell: leave the choice to JavaFX
    }
  }
}
