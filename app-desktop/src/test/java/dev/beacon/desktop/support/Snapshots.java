package dev.beacon.desktop.support;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene as a PNG (works headless under Monocle; no javafx-swing needed). */
public final class Snapshots {
  private Snapshots() {}

  /** Takes the snapshot on the FX thread (call it there) and writes it to {@code file}. */
  public static void save(Scene scene, Path file) throws Exception {
    WritableImage img = scene.snapshot(null);
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader r = img.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, r.getArgb(x, y));
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(out, "png", file.toFile());
  }
}
