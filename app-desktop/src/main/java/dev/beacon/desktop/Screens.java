package dev.beacon.desktop;

import dev.beacon.desktop.alerts.AlertsScreen;
import dev.beacon.desktop.apps.AppsScreen;
import dev.beacon.desktop.content.ContentScreen;
import dev.beacon.desktop.docs.DocsScreen;
import dev.beacon.desktop.errors.ErrorsScreen;
import dev.beacon.desktop.health.HealthScreen;
import dev.beacon.desktop.overview.OverviewScreen;
import dev.beacon.desktop.releases.ReleasesScreen;
import dev.beacon.desktop.server.ServerScreen;
import dev.beacon.desktop.shell.ServerLifecycle;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.Screen;
import java.util.ArrayList;
import java.util.List;

/** The console's screens, in navigation order (Ctrl+1 is the first): the one place that knows every screen. */
public final class Screens {
  /** The screen shown when none is remembered. */
  public static final String FIRST = "overview";

  private Screens() {}

  public static List<Screen> all(ConsoleContext ctx, ServerLifecycle status) {
    List<Screen> s = new ArrayList<>();
    s.add(new OverviewScreen(ctx));
    s.add(new AppsScreen(ctx));
    s.add(new ReleasesScreen(ctx));
    s.add(new ErrorsScreen(ctx));
    s.add(new HealthScreen(ctx));
    s.add(new AlertsScreen(ctx));
    s.add(new DocsScreen(ctx));
    s.add(new ContentScreen(ctx));
    s.add(new ServerScreen(ctx, status));
    return s;
  }
}
