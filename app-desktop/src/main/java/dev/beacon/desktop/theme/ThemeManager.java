package dev.beacon.desktop.theme;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The one place that sets the look: AtlantaFX's Primer Light, then Beacon's own {@code beacon.css} over it. */
public final class ThemeManager {
  private static final String BEACON_CSS = "beacon.css";

  private ThemeManager() {}

  /** Sets the theme for the whole application and Beacon's stylesheet on {@code scene}. FX thread. */
  public static void apply(Scene scene) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    var css = ThemeManager.class.getResource(BEACON_CSS);
    if (css == null) {
      throw new IllegalStateException("missing stylesheet " + BEACON_CSS + " next to " + ThemeManager.class.getName());
    }
    scene.getStylesheets().setAll(css.toExternalForm());
  }
}
