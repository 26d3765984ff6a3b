package dev.beacon.desktop.overview;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Overview's state for the current app over a range of days (7, 30, 90 or 365): active
 * machines per day, version adoption, and the summary tiles. FX thread.
 */
public final class OverviewModel {
  public static final List<Integer> RANGES = List.of(7, 30, 90, 365);

  private final ConsoleContext ctx;
  private final IntegerProperty days = new SimpleIntegerProperty(this, "days", 30);
  private final ObjectProperty<List<Stats.Active>> active = new SimpleObjectProperty<>(this, "active", List.of());
  private final ObjectProperty<List<Stats.VersionDay>> versions = new SimpleObjectProperty<>(this, "versions", List.of());
  private final ObjectProperty<Stats.Summary> summary = new SimpleObjectProperty<>(this, "summary", Stats.Summary.EMPTY);
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private long loads;

  public OverviewModel(ConsoleContext ctx) {
    this.ctx = ctx;
    days.addListener((o, was, now) -> load());
  }

  private record Loaded(List<Stats.Active> active, List<Stats.VersionDay> versions, Stats.Summary summary) {}

  /** Loads the three answers for the current app (one task, so the screen changes at once). */
  public void load() {
    AppRef app = ctx.currentAppProperty().get();
    BeaconClient c = ctx.client();
    if (app == null || c == null) {
      active.set(List.of());
      versions.set(List.of());
      summary.set(Stats.Summary.EMPTY);
      return;
    }
    // "to" is left to the server: the app's today, in the app's time zone
    Map<String, Object> range = Map.of("from", LocalDate.now().minusDays(days.get() - 1L).toString());
    String base = "v1/user/" + c.openId() + "/app/" + app.appId() + "/stats/";
    Background.run(ctx, () -> {
      try {
        return new Loaded(Stats.active(c.get(base + "active", range)),
            Stats.versions(c.get(base + "versions", range)), Stats.summary(c.get(base + "summary", Map.of())));
      } catch (dev.beacon.desktop.client.ApiError e) {
        if (e.code() == 4004 && e.msg() != null && e.msg().startsWith("no such endpoint")) {
          throw new dev.beacon.desktop.client.ApiError(e.code(), "This server does not offer statistics yet (a Beacon older than this console).");
        }
        throw e;
      }
    }, l -> {
          loads++;
          active.set(l.active());
          versions.set(l.versions());
          summary.set(l.summary());
        }, busy, problem);
  }

  /** How many loads have completed (tests wait for a fresh one). */
  public long loads() {
    return loads;
  }

  public IntegerProperty daysProperty() { return days; }
  public ObjectProperty<List<Stats.Active>> activeProperty() { return active; }
  public ObjectProperty<List<Stats.VersionDay>> versionsProperty() { return versions; }
  public ObjectProperty<Stats.Summary> summaryProperty() { return summary; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
}
