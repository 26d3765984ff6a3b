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
  /** The smallest first size: below it the tables cut their headers. */
  static final double MIN_WIDTH = 1024;
  static final double MIN_HEIGHT = 640;
  /** The largest first size: beyond it lines get too long to read. */
  static final double MAX_WIDTH = 1680;
  static final double MAX_HEIGHT = 1050;
  /** The share of the screen's usable area the window takes the first time. */
  static final double SHARE = 0.85;

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

  /**
   * Puts the window where it was, if that place is still on a screen; and maximises it if it was.
   * The first time, it opens at a size that suits the primary screen ({@link #firstSize}),
   * centred; a remembered size larger than that screen is cut to it. FX thread.
   */
  public void applyTo(Stage stage) {
    Rectangle2D visual = Screen.getPrimary().getVisualBounds();
    if (settings.get(WIDTH, null) == null || settings.get(HEIGHT, null) == null) {
      Rectangle2D first = firstSize(visual);
      stage.setWidth(first.getWidth());
      stage.setHeight(first.getHeight());
      stage.setX(first.getMinX());
      stage.setY(first.getMinY());
    } else {
      stage.setWidth(Math.min(width(), visual.getWidth()));
      stage.setHeight(Math.min(height(), visual.getHeight()));
    }
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

  /**
   * The window's first place on a screen with this usable area (without task bars and docks):
   * {@value #SHARE} of it, at least {@value #MIN_WIDTH}×{@value #MIN_HEIGHT} and at most
   * {@value #MAX_WIDTH}×{@value #MAX_HEIGHT}, never larger than the area itself, centred in it.
   */
  static Rectangle2D firstSize(Rectangle2D visual) {
    double w = Math.min(visual.getWidth(), Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, visual.getWidth() * SHARE)));
    double h = Math.min(visual.getHeight(), Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, visual.getHeight() * SHARE)));
    return new Rectangle2D(visual.getMinX() + (visual.getWidth() - w) / 2, visual.getMinY() + (visual.getHeight() - h) / 2, w, h);
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
