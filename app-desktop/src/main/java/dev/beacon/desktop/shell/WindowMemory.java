package dev.beacon.desktop.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * What the window remembers between runs, in the data folder's {@code console.properties}: its
 * size, position, whether it was maximised, the last screen shown and the theme. Loaded before the
 * window opens (off the FX thread, in {@code Application.init}), saved in the background.
 */
public final class WindowMemory {
  static final String X = "window.x";
  static final String Y = "window.y";
  static final String WIDTH = "window.width";
  static final String HEIGHT = "window.height";
  static final String MAXIMIZED = "window.maximized";
  static final String SCREEN = "screen.last";
  static final String DARK = "theme.dark";
  public static final double DEFAULT_WIDTH = 1100;
  public static final double DEFAULT_HEIGHT = 700;

  private final ConsoleSettings settings;

  private WindowMemory(ConsoleSettings settings) {
    this.settings = settings;
  }

  /** Blocking file read: not on the FX thread. */
  public static WindowMemory load(Path dataDir) throws IOException {
    return new WindowMemory(ConsoleSettings.load(dataDir));
  }

  public double width() {
    return number(WIDTH, DEFAULT_WIDTH);
  }

  public double height() {
    return number(HEIGHT, DEFAULT_HEIGHT);
  }

  /** The screen shown last, or {@code fallback}. */
  public String lastScreen(String fallback) {
    return settings.get(SCREEN, fallback);
  }

  public boolean dark() {
    return Boolean.parseBoolean(settings.get(DARK, "false"));
  }

  /** Puts the window where it was, if that place is still on a screen; and maximises it if it was. FX thread. */
  public void applyTo(Stage stage) {
    stage.setWidth(width());
    stage.setHeight(height());
    String x = settings.get(X, null);
    String y = settings.get(Y, null);
    if (x != null && y != null) {
      double px = number(X, 0);
      double py = number(Y, 0);
      if (!Screen.getScreensForRectangle(new Rectangle2D(px, py, Math.max(1, width() / 4), 40)).isEmpty()) {
        stage.setX(px);
        stage.setY(py);
      }
    }
    stage.setMaximized(Boolean.parseBoolean(settings.get(MAXIMIZED, "false")));
  }

  /** The window's place now (its size before maximising is kept while maximised). FX thread. */
  public static Map<String, String> capture(Stage stage) {
    Map<String, String> m = new HashMap<>();
    m.put(MAXIMIZED, Boolean.toString(stage.isMaximized()));
    if (!stage.isMaximized() && !stage.isIconified()) {
      m.put(X, Double.toString(stage.getX()));
      m.put(Y, Double.toString(stage.getY()));
      m.put(WIDTH, Double.toString(stage.getWidth()));
      m.put(HEIGHT, Double.toString(stage.getHeight()));
    }
    return m;
  }

  public static Map<String, String> screen(String id) {
    return Map.of(SCREEN, id);
  }

  public static Map<String, String> theme(boolean dark) {
    return Map.of(DARK, Boolean.toString(dark));
  }

  /** Saves values (blocking: from a background thread). */
  public void save(Map<String, String> values) throws IOException {
    settings.save(values);
  }

  private double number(String key, double fallback) {
    try {
      double v = Double.parseDouble(settings.get(key, Double.toString(fallback)));
      return Double.isFinite(v) ? v : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
