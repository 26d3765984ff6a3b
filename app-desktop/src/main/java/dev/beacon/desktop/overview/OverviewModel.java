package dev.beacon.desktop.overview;

import dev.beacon.desktop.client.ActiveDay;
import dev.beacon.desktop.client.UsageApi;
import dev.beacon.desktop.client.UsageSummary;
import dev.beacon.desktop.client.VersionDay;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
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
 * machines per day, version adoption, and the summary tiles, with the charts' series and the
 * tiles' texts derived from them. FX thread.
 */
public final class OverviewModel {
  public static final List<Integer> RANGES = List.of(7, 30, 90, 365);

  /** One point of a chart: the day's short label and its value. */
  public record Point(String day, long value) {}

  /** One line or stack of a chart. */
  public record Series(String name, List<Point> points) {}

  private final ConsoleContext ctx;
  private final IntegerProperty days = new SimpleIntegerProperty(this, "days", 30);
  private final ObjectProperty<List<ActiveDay>> active = new SimpleObjectProperty<>(this, "active", List.of());
  private final ObjectProperty<List<VersionDay>> versions = new SimpleObjectProperty<>(this, "versions", List.of());
  private final ObjectProperty<UsageSummary> summary = new SimpleObjectProperty<>(this, "summary", UsageSummary.EMPTY);
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private final ObjectBinding<List<Series>> activeSeries = Bindings.createObjectBinding(() -> activeSeries(active.get()), active);
  private final ObjectBinding<List<Series>> adoptionSeries = Bindings.createObjectBinding(() -> adoption(versions.get()), versions);
  private final StringBinding newMachines = Bindings.createStringBinding(
      () -> Long.toString(newMachines(active.get())), active);
  private final StringBinding stickiness = Bindings.createStringBinding(
      () -> percent(summary.get().stickinessPercent()), summary);
  private long loads;

  public OverviewModel(ConsoleContext ctx) {
    this.ctx = ctx;
    days.addListener((o, was, now) -> load());
  }

  private record Loaded(List<ActiveDay> active, List<VersionDay> versions, UsageSummary summary) {}

  /** Loads the three answers for the current app (one task, so the screen changes at once). */
  public void load() {
    AppRef app = ctx.currentAppProperty().get();
    if (app == null || ctx.client() == null) {
      active.set(List.of());
      versions.set(List.of());
      summary.set(UsageSummary.EMPTY);
      return;
    }
    // the range ends at the app's today, in the app's time zone: left to the server
    LocalDate from = LocalDate.now().minusDays(days.get() - 1L);
    UsageApi api = new UsageApi(ctx.client());
    Background.run(ctx, () -> new Loaded(api.active(app.appId(), from), api.versions(app.appId(), from),
        api.summary(app.appId())), l -> {
          loads++;
          active.set(l.active());
          versions.set(l.versions());
          summary.set(l.summary());
        }, busy, problem);
  }

  /** DAU, WAU and MAU over the days. */
  static List<Series> activeSeries(List<ActiveDay> days) {
    return List.of(series("DAU", days, ActiveDay::dau), series("WAU", days, ActiveDay::wau), series("MAU", days, ActiveDay::mau));
  }

  private static Series series(String name, List<ActiveDay> days, ToLongFunction<ActiveDay> value) {
    return new Series(name, days.stream().map(d -> new Point(day(d.date()), value.applyAsLong(d))).toList());
  }

  /** One series per version seen in the days (in order of first appearance), 0 on days without it. */
  static List<Series> adoption(List<VersionDay> days) {
    List<Series> out = new ArrayList<>();
    for (String v : versionNames(days)) {
      out.add(new Series(v.isEmpty() ? "(unknown)" : v,
          days.stream().map(d -> new Point(day(d.date()), d.machines().getOrDefault(v, 0L))).toList()));
    }
    return out;
  }

  /** Every version seen in the days, in order of first appearance. */
  static Set<String> versionNames(List<VersionDay> days) {
    Set<String> s = new LinkedHashSet<>();
    days.forEach(d -> s.addAll(d.machines().keySet()));
    return s;
  }

  /** New machines over the days. */
  static long newMachines(List<ActiveDay> days) {
    return days.stream().mapToLong(ActiveDay::newMachines).sum();
  }

  /** "40%". */
  static String percent(double percent) {
    return String.format(Locale.ROOT, "%.0f%%", percent);
  }

  /** "11-23" for "2026-11-23": short enough to stay horizontal on the axis. */
  static String day(String date) {
    return date != null && date.matches("\\d{4}-\\d\\d-\\d\\d") ? date.substring(5) : date;
  }

  /** How many loads have completed (tests wait for a fresh one). */
  public long loads() {
    return loads;
  }

  public IntegerProperty daysProperty() { return days; }
  public ObjectProperty<List<ActiveDay>> activeProperty() { return active; }
  public ObjectProperty<List<VersionDay>> versionsProperty() { return versions; }
  public ObjectProperty<UsageSummary> summaryProperty() { return summary; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
  /** The active-machines chart: DAU, WAU, MAU. */
  public ObjectBinding<List<Series>> activeSeriesBinding() { return activeSeries; }
  /** The version-adoption chart: machines per version per day. */
  public ObjectBinding<List<Series>> adoptionBinding() { return adoptionSeries; }
  /** The "New machines" tile: new machines over the range. */
  public StringBinding newMachinesBinding() { return newMachines; }
  /** The "Stickiness" tile: DAU/MAU as a percentage. */
  public StringBinding stickinessBinding() { return stickiness; }
}
