package dev.beacon.desktop.overview;

import dev.beacon.desktop.client.ActiveDay;
import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.UsageApi;
import dev.beacon.desktop.client.UsageSummary;
import dev.beacon.desktop.client.VersionDay;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.chart.DayRange;
import dev.beacon.desktop.ui.chart.TimeSeries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * The Overview's state for the current app over a range of days: the last 7, 30, 90 or 365 days
 * (rolling with today), or a custom range. One background task per load fetches the active series
 * (the range and the days before it that the comparisons need, in pieces the server accepts), the
 * version series and the summary, and derives the charts' series and the tiles ({@link
 * OverviewData}); its progress is shown while it runs. FX thread.
 */
public final class OverviewModel {
  public static final List<Integer> RANGES = List.of(7, 30, 90, 365);

  private final ConsoleContext ctx;
  private final Clock clock;
  /** The preset range in days, or 0 for the custom range. */
  private final IntegerProperty days = new SimpleIntegerProperty(this, "days", 30);
  private final ObjectProperty<DayRange> range = new SimpleObjectProperty<>(this, "range");
  private final BooleanProperty compare = new SimpleBooleanProperty(this, "compare");
  private final ObjectProperty<OverviewData> data = new SimpleObjectProperty<>(this, "data", OverviewData.EMPTY);
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private final StringProperty rangeProblem = new SimpleStringProperty(this, "rangeProblem", "");
  private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
  private final ObjectBinding<List<TimeSeries>> activeSeries = Bindings.createObjectBinding(() -> {
    OverviewData d = data.get();
    if (!compare.get()) {
      return d.activeSeries();
    }
    List<TimeSeries> all = new ArrayList<>(d.activeSeries());
    all.addAll(d.previousSeries());
    return all;
  }, data, compare);
  private Task<OverviewData> running;
  private long loads;

  public OverviewModel(ConsoleContext ctx) {
    this(ctx, Clock.systemDefaultZone());
  }

  /** A model whose "today" comes from {@code clock}. */
  OverviewModel(ConsoleContext ctx, Clock clock) {
    this.ctx = ctx;
    this.clock = clock;
    range.set(DayRange.lastDays(days.get(), today()));
    days.addListener((o, was, now) -> {
      if (now.intValue() > 0) {
        rangeProblem.set("");
        load();
      }
    });
  }

  /** Today in the console's time zone (the server's "today" is the app's; the same on one machine). */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Shows a custom range, or says why it cannot ({@link #rangeProblemProperty()}) and keeps the
   * current one. Returns whether the range was taken.
   */
  public boolean showRange(LocalDate from, LocalDate to) {
    String why = DayRange.problem(from, to, today());
    rangeProblem.set(why);
    if (!why.isEmpty()) {
      return false;
    }
    range.set(new DayRange(from, to));
    days.set(0);
    load();
    return true;
  }

  /** Loads the current app's figures for the range (a preset range first moves to end today). */
  public void load() {
    if (days.get() > 0) {
      range.set(DayRange.lastDays(days.get(), today()));
    }
    if (running != null) {
      running.cancel();
      running = null;
    }
    AppRef app = ctx.currentAppProperty().get();
    if (app == null || ctx.client() == null) {
      data.set(OverviewData.EMPTY);
      busy.set(false);
      return;
    }
    DayRange shown = range.get();
    UsageApi api = new UsageApi(ctx.client());
    Task<OverviewData> task = new Task<>() {
      @Override
      protected OverviewData call() throws Exception {
        List<DayRange> activePieces = OverviewData.needed(shown).pieces(UsageApi.MAX_DAYS);
        List<DayRange> versionPieces = shown.pieces(UsageApi.MAX_DAYS);
        int steps = activePieces.size() + versionPieces.size() + 2;
        int done = 0;
        updateProgress(done, steps);
        List<ActiveDay> active = new ArrayList<>();
        for (DayRange p : activePieces) {
          active.addAll(api.active(app.appId(), p.from(), p.to()));
          updateProgress(++done, steps);
        }
        List<VersionDay> versions = new ArrayList<>();
        for (DayRange p : versionPieces) {
          versions.addAll(api.versions(app.appId(), p.from(), p.to()));
          updateProgress(++done, steps);
        }
        UsageSummary summary = api.summary(app.appId());
        updateProgress(++done, steps);
        OverviewData d = OverviewData.of(app, shown, active, versions, summary);
        updateProgress(steps, steps);
        return d;
      }
    };
    running = task;
    busy.set(true);
    progress.bind(task.progressProperty());
    task.setOnSucceeded(e -> {
      if (running == task) {
        finish();
        problem.set("");
        loads++;
        data.set(task.getValue());
      }
    });
    task.setOnFailed(e -> {
      if (running == task) {
        finish();
        problem.set(ApiError.text(task.getException()));
      }
    });
    try {
      ctx.io().execute(task);
    } catch (RejectedExecutionException closing) {
      finish(); // the console is closing
    }
  }

  private void finish() {
    running = null;
    progress.unbind();
    progress.set(-1);
    busy.set(false);
  }

  /** Writes the active series of the range as the server's CSV to {@code file}, in the background. */
  public void exportCsv(Path file) {
    AppRef app = ctx.currentAppProperty().get();
    if (app == null || ctx.client() == null) {
      return;
    }
    DayRange r = range.get();
    UsageApi api = new UsageApi(ctx.client());
    Background.run(ctx, () -> {
      String csv = api.activeCsv(app.appId(), r.from(), r.to());
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      return file;
    }, f -> notice.set("Saved " + f.getFileName()), null, problem);
  }

  /** How many loads have completed (tests wait for a fresh one). */
  public long loads() {
    return loads;
  }

  /** The preset range in days (7, 30, 90, 365), or 0 while a custom range is shown. */
  public IntegerProperty daysProperty() { return days; }
  /** The days shown. */
  public ObjectProperty<DayRange> rangeProperty() { return range; }
  /** Whether the active chart also draws the previous period, faintly. */
  public BooleanProperty compareProperty() { return compare; }
  /** The last load's figures. */
  public ObjectProperty<OverviewData> dataProperty() { return data; }
  public BooleanProperty busyProperty() { return busy; }
  /** The running load's progress (0 to 1), or -1 when unknown or idle. */
  public DoubleProperty progressProperty() { return progress; }
  public StringProperty problemProperty() { return problem; }
  /** Why the custom range typed last cannot be shown, or empty. */
  public StringProperty rangeProblemProperty() { return rangeProblem; }
  /** A short note on what the last export did. */
  public StringProperty noticeProperty() { return notice; }
  /** The active-machines chart: DAU, WAU, MAU (and their previous period when comparing). */
  public ObjectBinding<List<TimeSeries>> activeSeriesBinding() { return activeSeries; }
}
