package dev.beacon.desktop.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The one place that sets the look: AtlantaFX's Primer Light or Primer Dark, then Beacon's own
 * {@code beacon.css} over it (its colours come from the theme's variables, so it fits both).
 */
public final class ThemeManager {
  private static final String BEACON_CSS = "beacon.css";

  private ThemeManager() {}

  /** The light theme on {@code scene}. FX thread. */
  public static void apply(Scene scene) {
    apply(scene, false);
  }

  /** Sets the light or dark theme for the whole application and Beacon's stylesheet on {@code scene}. FX thread. */
  public static void apply(Scene scene, boolean dark) {
    // the themes' binary form (.bss), which JavaFX reads without parsing 170 KB of CSS before the first frame
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
    var css = ThemeManager.class.getResource(BEACON_CSS);
    if (css == null) {
      throw new IllegalStateException("missing stylesheet " + BEACON_CSS + " next to " + ThemeManager.class.getName());
    }
    scene.getStylesheets().setAll(css.toExternalForm());
    scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
  }
}
