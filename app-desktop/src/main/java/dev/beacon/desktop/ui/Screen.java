package dev.beacon.desktop.ui;

import javafx.scene.Node;

/**
 * One screen of the console (Overview, Apps, Releases, Errors, Docs, Content, Server): a view over
 * a small model of observable state. The main window lists the screens in its navigation, builds a
 * screen's view the first time it is shown, and tells the screen when it is shown and hidden so
 * that it can refresh (and stop auto-refreshing). Screens reach the server only through
 * {@link ConsoleContext#client()} in background work ({@link Background}), never on the FX thread.
 */
public interface Screen {
  /** A stable id, remembered as the last screen shown (e.g. {@code "apps"}). */
  String id();

  /** The label in the navigation. */
  String title();

  /** The view; called once, on the FX thread. */
  Node view();

  /** The screen became visible (also after a sign-in): load or refresh what it shows. */
  default void shown() {}

  /** The screen was replaced by another one: stop timers. */
  default void hidden() {}

  /** Something the screen shows in the window's header at all times (alerts' unread list), or null. */
  default Node headerItem() {
    return null;
  }
}
