package dev.beacon.desktop.ui.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A chart as a picture: a snapshot of its node (FX thread), written as a PNG file (any thread). */
public final class ChartExport {
  private ChartExport() {}

  /** The node as it is drawn now, at its size. FX thread. */
  public static WritableImage snapshot(Node node) {
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.TRANSPARENT);
    return node.snapshot(p, null);
  }

  /** Writes {@code image} to {@code file} as PNG. Blocking: call it off the FX thread. */
  public static void writePng(Image image, Path file) throws IOException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    if (!javax.imageio.ImageIO.write(out, "png", file.toFile())) {
      throw new IOException("no PNG writer in this Java runtime");
    }
  }
}
