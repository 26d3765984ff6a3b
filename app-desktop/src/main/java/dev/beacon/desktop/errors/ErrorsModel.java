package dev.beacon.desktop.errors;

import dev.beacon.desktop.client.ErrorEvent;
import dev.beacon.desktop.client.Issue;
import dev.beacon.desktop.client.IssueDetail;
import dev.beacon.desktop.client.IssueFilter;
import dev.beacon.desktop.client.IssuesApi;
import dev.beacon.desktop.client.Page;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Errors screen's state: the current app's grouped issues under the filters, the selected
 * issue's detail (with its title, summary line, stack and which actions apply derived for the
 * view) and events, and the raw error log list. Every call runs through {@link Background};
 * methods are called on the FX thread.
 */
public final class ErrorsModel {
  /** The status filter's choices; "all" sends no status. */
  public static final List<String> STATUSES = List.of(Issue.UNRESOLVED, Issue.RESOLVED, Issue.IGNORED, "all");
  /** The sort choices (always newest/largest first). */
  public static final List<String> ORDERS = List.of("last_seen", "first_seen", "count", "machines");
  static final int PAGE = 50;
  static final int EVENTS = 20;
  static final String PAST_RETENTION = "(the events of this issue are past retention)";

  private final ConsoleContext ctx;
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");

  final StringProperty status = new SimpleStringProperty(this, "status", Issue.UNRESOLVED);
  final StringProperty order = new SimpleStringProperty(this, "order", "last_seen");
  final StringProperty version = new SimpleStringProperty(this, "version", "");
  /** The environment filter (Sentry events name theirs); blank for all. */
  final StringProperty environment = new SimpleStringProperty(this, "environment", "");
  final StringProperty search = new SimpleStringProperty(this, "search", "");
  final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>(this, "since");
  final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");

  final ObservableList<Issue> issues = FXCollections.observableArrayList();
  final IntegerProperty total = new SimpleIntegerProperty(this, "total");
  /** Whether the app has any issue at all, whatever the filters (for the empty state). */
  final BooleanProperty anyIssue = new SimpleBooleanProperty(this, "anyIssue");
  private int page = 1;

  final ObjectProperty<IssueDetail> detail = new SimpleObjectProperty<>(this, "detail");
  final ObservableList<ErrorEvent> events = FXCollections.observableArrayList();
  final ObservableList<IssueDetail.VersionCount> versionCounts = FXCollections.observableArrayList();
  final ObservableList<IssueDetail.DayCount> dailyCounts = FXCollections.observableArrayList();
  /** The stack shown: the newest event's, or the event chosen in the list. */
  final StringProperty stack = new SimpleStringProperty(this, "stack", "");
  final StringBinding title = Bindings.createStringBinding(() -> detail.get() == null ? "" : detail.get().issue().title(), detail);
  final StringBinding meta = Bindings.createStringBinding(() -> meta(detail.get()), detail);
  final BooleanBinding canResolve = Bindings.createBooleanBinding(() -> detail.get() != null && detail.get().issue().canResolve(), detail);
  final BooleanBinding canIgnore = Bindings.createBooleanBinding(() -> detail.get() != null && detail.get().issue().canIgnore(), detail);
  final BooleanBinding canReopen = Bindings.createBooleanBinding(() -> detail.get() != null && detail.get().issue().canReopen(), detail);

  final ObservableList<ErrorEvent> logs = FXCollections.observableArrayList();
  final IntegerProperty logsTotal = new SimpleIntegerProperty(this, "logsTotal");
  /** What the shown event says beside its stack (Sentry events: environment, SDK, tags, contexts, breadcrumbs). */
  final StringProperty eventDetails = new SimpleStringProperty(this, "eventDetails", "");
  /** The files that came with the shown event. */
  final ObservableList<ErrorEvent.Attachment> attachments = FXCollections.observableArrayList();
  /** The stack of the log chosen in the list. */
  final StringProperty logStack = new SimpleStringProperty(this, "logStack", "");
  private int logsPage = 1;

  public ErrorsModel(ConsoleContext ctx) {
    this.ctx = ctx;
    detail.addListener((o, was, d) -> {
      stack.set(d == null ? "" : d.latestEvent() == null ? PAST_RETENTION : d.latestEvent().stackText());
      shownDetails(d == null ? null : d.latestEvent());
      versionCounts.setAll(d == null ? List.of() : d.versionCounts());
      dailyCounts.setAll(d == null ? List.of() : d.dailyCounts());
    });
  }

  ConsoleContext context() {
    return ctx;
  }

  private IssuesApi api() {
    return new IssuesApi(ctx.client());
  }

  private AppRef app() {
    return ctx.currentAppProperty().get();
  }

  /** Whether any filter other than the status narrows the list. */
  boolean filtered() {
    return !version.get().isBlank() || !environment.get().isBlank() || !search.get().isBlank() || since.get() != null || until.get() != null;
  }

  /** The filters as the list query takes them. */
  IssueFilter filter() {
    return new IssueFilter("all".equals(status.get()) ? null : status.get(), version.get(), environment.get(), search.get(), since.get(),
        until.get(), order.get());
  }

  /** Reloads the first page of issues (after a filter or app change). */
  public void refresh() {
    load(1);
  }

  /** Appends the next page of issues. */
  public void loadMore() {
    if (more()) {
      load(page + 1);
    }
  }

  boolean more() {
    return issues.size() < total.get();
  }

  private record Listed(Page<Issue> page, boolean anyIssue) {}

  private void load(int pageNo) {
    AppRef app = app();
    if (app == null || ctx.client() == null) {
      issues.clear();
      total.set(0);
      anyIssue.set(false);
      detail.set(null);
      return;
    }
    IssuesApi api = api();
    IssueFilter f = filter();
    boolean narrowed = filtered() || f.status() != null;
    Background.run(ctx, () -> {
      Page<Issue> p = api.list(app.appId(), f, pageNo, PAGE);
      boolean any = p.totalCount() > 0 // else, on a narrowed first page: nothing here, nothing at all?
          || pageNo == 1 && narrowed && api.list(app.appId(), IssueFilter.ALL, 1, 1).totalCount() > 0;
      return new Listed(p, any);
    }, l -> {
      if (!Objects.equals(app, app())) {
        return; // the app changed meanwhile; its own load follows
      }
      anyIssue.set(l.anyIssue());
      if (pageNo == 1) {
        issues.setAll(l.page().items());
      } else {
        issues.addAll(l.page().items());
      }
      page = pageNo;
      total.set(l.page().totalCount());
    }, busy, problem);
  }

  private record Shown(IssueDetail detail, List<ErrorEvent> events) {}

  /** Loads the detail and the newest events of {@code issue} (null clears them). */
  public void select(Issue issue) {
    AppRef app = app();
    if (issue == null || app == null) {
      detail.set(null);
      events.clear();
      return;
    }
    IssuesApi api = api();
    Background.run(ctx, () -> new Shown(api.detail(app.appId(), issue.issueId()), api.events(app.appId(), issue.issueId(), EVENTS)),
        s -> {
          detail.set(s.detail());
          events.setAll(s.events());
        }, busy, problem);
  }

  /** Shows the stack of one of the issue's events. */
  void showEvent(ErrorEvent e) {
    if (e != null) {
      stack.set(e.stackText());
      shownDetails(e);
    }
  }

  private void shownDetails(ErrorEvent e) {
    eventDetails.set(e == null ? "" : e.detailsText());
    attachments.setAll(e == null ? List.of() : e.attachments());
  }

  /** Saves an attachment of the shown event to {@code target}, in the background. */
  void download(ErrorEvent.Attachment attachment, java.nio.file.Path target) {
    AppRef app = app();
    if (app == null || attachment == null || target == null) {
      return;
    }
    IssuesApi api = api();
    Background.run(ctx, () -> {
      api.download(app.appId(), attachment, target);
      return target;
    }, saved -> { }, busy, problem);
  }

  /** Shows the stack of one raw log (null clears it). */
  void showLog(ErrorEvent e) {
    logStack.set(e == null ? "" : e.stackText());
  }

  /** Resolves, ignores or reopens the shown issue, then reloads the list and the detail. */
  public void act(IssuesApi.Action action) {
    AppRef app = app();
    IssueDetail d = detail.get();
    if (app == null || d == null) {
      return;
    }
    IssuesApi api = api();
    Background.run(ctx, () -> api.act(app.appId(), d.issue().issueId(), action), issue -> {
      refresh();
      select(issue);
    }, busy, problem);
  }

  /** Reloads the raw error logs of the current app (newest first). */
  public void refreshLogs() {
    loadLogs(1);
  }

  public void moreLogs() {
    if (moreLogsToLoad()) {
      loadLogs(logsPage + 1);
    }
  }

  boolean moreLogsToLoad() {
    return logs.size() < logsTotal.get();
  }

  private void loadLogs(int pageNo) {
    AppRef app = app();
    if (app == null || ctx.client() == null) {
      logs.clear();
      logsTotal.set(0);
      return;
    }
    IssuesApi api = api();
    String v = version.get();
    LocalDate from = since.get();
    LocalDate to = until.get();
    Background.run(ctx, () -> api.logs(app.appId(), v, from, to, pageNo, PAGE), p -> {
      if (pageNo == 1) {
        logs.setAll(p.items());
      } else {
        logs.addAll(p.items());
      }
      logsPage = pageNo;
      logsTotal.set(p.totalCount());
    }, busy, problem);
  }

  /** An issue's status, marked when it is a regression. */
  static String statusText(Issue i) {
    return i.status() + (i.regression() ? " (regression)" : "");
  }

  /** The detail's summary line: status, counts, the newest event's version and OS, when first and last seen, resolved in. */
  static String meta(IssueDetail d) {
    if (d == null) {
      return "";
    }
    Issue i = d.issue();
    ErrorEvent latest = d.latestEvent();
    return statusText(i) + " · " + i.count() + " events on " + i.machines() + " machines"
        + (latest == null ? "" : " · version " + latest.appVersion() + " · " + latest.osInfo())
        + " · first " + i.firstSeen() + " · last " + i.lastSeen()
        + (i.resolvedVersion() == null ? "" : " · resolved in " + i.resolvedVersion());
  }

  /** "2026-11-23 11:37:40" as "11-23 11:37" for the table (the detail shows the full time). */
  static String shortDate(String full) {
    return full.length() >= 16 ? full.substring(5, 16) : full;
  }

  /** "2026-11-23" as "11-23" for the chart's axis. */
  static String shortDay(String day) {
    return day.length() >= 10 ? day.substring(5) : day;
  }

  /** The empty list's sentence: no app, nothing under these filters, or nothing at all. */
  String emptyText() {
    if (app() == null) {
      return "No app chosen — create an app on the Apps screen, then pick it above.";
    }
    return anyIssue.get() ? "No issues match these filters — try status \"all\" or clear the search."
        : "No errors reported for this app yet.";
  }

  /** A curl command that sends a test error report for the current app to this server. */
  String testReportCurl() {
    AppRef app = app();
    String base = ctx.publicUrlProperty().get();
    if (base.isBlank() && ctx.client() != null) {
      base = ctx.client().base().toString();
    }
    return IssuesApi.testReportCurl(base, app == null ? "<app key>" : app.appKey());
  }
}
