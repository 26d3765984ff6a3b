package dev.beacon.desktop.errors;

import dev.beacon.desktop.ui.Rows;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * issue's detail and events, and the raw error log list. Every call runs through
 * {@link Background}; methods are called on the FX thread.
 */
public final class ErrorsModel {
  /** The status filter's choices; "all" sends no status. */
  public static final List<String> STATUSES = List.of("unresolved", "resolved", "ignored", "all");
  /** The sort choices (always newest/largest first). */
  public static final List<String> ORDERS = List.of("last_seen", "first_seen", "count", "machines");
  static final int PAGE = 50;
  static final int EVENTS = 20;

  private final ConsoleContext ctx;
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");

  final StringProperty status = new SimpleStringProperty(this, "status", "unresolved");
  final StringProperty order = new SimpleStringProperty(this, "order", "last_seen");
  final StringProperty version = new SimpleStringProperty(this, "version", "");
  final StringProperty search = new SimpleStringProperty(this, "search", "");
  final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>(this, "since");
  final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");

  final ObservableList<JsonObject> issues = FXCollections.observableArrayList();
  final IntegerProperty total = new SimpleIntegerProperty(this, "total");
  /** Whether the app has any issue at all, whatever the filters (for the empty state). */
  final BooleanProperty anyIssue = new SimpleBooleanProperty(this, "anyIssue");
  private int page = 1;

  final ObjectProperty<JsonObject> detail = new SimpleObjectProperty<>(this, "detail");
  final ObservableList<JsonObject> events = FXCollections.observableArrayList();

  final ObservableList<JsonObject> logs = FXCollections.observableArrayList();
  final IntegerProperty logsTotal = new SimpleIntegerProperty(this, "logsTotal");
  private int logsPage = 1;

  public ErrorsModel(ConsoleContext ctx) {
    this.ctx = ctx;
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
    return !version.get().isBlank() || !search.get().isBlank() || since.get() != null || until.get() != null;
  }

  /** The list query for {@code page}. */
  Map<String, Object> query(int pageNo) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("pageNo", pageNo);
    q.put("pageSize", PAGE);
    q.put("orderBy", order.get() + ":desc");
    if (!"all".equals(status.get())) {
      q.put("status", status.get());
    }
    q.put("version", Rows.blankToNull(version.get()));
    q.put("q", Rows.blankToNull(search.get()));
    q.put("since", since.get() == null ? null : since.get().toString());
    q.put("until", until.get() == null ? null : until.get().toString());
    return q;
  }

  /** Reloads the first page of issues (after a filter or app change). */
  public void refresh() {
    load(1);
  }

  /** Appends the next page of issues. */
  public void loadMore() {
    if (issues.size() < total.get()) {
      load(page + 1);
    }
  }

  boolean more() {
    return issues.size() < total.get();
  }

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
    Map<String, Object> q = query(pageNo);
    boolean narrowed = filtered() || !"all".equals(status.get());
    Background.run(ctx, () -> {
      JsonObject j = api.list(app.appId(), q);
      if (pageNo == 1 && narrowed && j.getInteger("totalCount", 0) == 0) { // nothing here: nothing at all?
        j.put("anyIssue", api.list(app.appId(), Map.of("pageNo", 1, "pageSize", 1)).getInteger("totalCount", 0) > 0);
      } else {
        j.put("anyIssue", j.getInteger("totalCount", 0) > 0);
      }
      return j;
    }, j -> {
      if (!Objects.equals(app, app())) {
        return; // the app changed meanwhile; its own load follows
      }
      anyIssue.set(j.getBoolean("anyIssue", false));
      List<JsonObject> rows = Rows.objects(j, "issues");
      if (pageNo == 1) {
        issues.setAll(rows);
      } else {
        issues.addAll(rows);
      }
      page = pageNo;
      total.set(j.getInteger("totalCount", rows.size()));
    }, busy, problem);
  }

  /** Loads the detail and the newest events of {@code issue} (null clears them). */
  public void select(JsonObject issue) {
    AppRef app = app();
    if (issue == null || app == null) {
      detail.set(null);
      events.clear();
      return;
    }
    String id = issue.getString("issueId");
    IssuesApi api = api();
    Background.run(ctx, () -> new JsonObject().put("detail", api.detail(app.appId(), id))
        .put("events", api.events(app.appId(), id, EVENTS)), j -> {
          detail.set(j.getJsonObject("detail"));
          events.setAll(Rows.objects(j.getJsonObject("events"), "events"));
        }, busy, problem);
  }

  /** Resolves, ignores or reopens the shown issue, then reloads the list and the detail. */
  public void act(String action) {
    AppRef app = app();
    JsonObject d = detail.get();
    if (app == null || d == null) {
      return;
    }
    String id = d.getJsonObject("issue").getString("issueId");
    IssuesApi api = api();
    Background.run(ctx, () -> api.act(app.appId(), id, action), j -> {
      refresh();
      select(j.getJsonObject("issue"));
    }, busy, problem);
  }

  /** Reloads the raw error logs of the current app (newest first). */
  public void refreshLogs() {
    loadLogs(1);
  }

  public void moreLogs() {
    if (logs.size() < logsTotal.get()) {
      loadLogs(logsPage + 1);
    }
  }

  private void loadLogs(int pageNo) {
    AppRef app = app();
    if (app == null || ctx.client() == null) {
      logs.clear();
      logsTotal.set(0);
      return;
    }
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("appId", app.appId());
    q.put("pageNo", pageNo);
    q.put("pageSize", PAGE);
    q.put("appVersion", Rows.blankToNull(version.get()));
    q.put("after", since.get() == null ? null : since.get().atStartOfDay(ZoneId.systemDefault()).toEpochSecond());
    q.put("before", until.get() == null ? null
        : until.get().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toEpochSecond() - 1);
    IssuesApi api = api();
    Background.run(ctx, () -> api.logs(q), j -> {
      List<JsonObject> rows = Rows.objects(j, "errlogList");
      if (pageNo == 1) {
        logs.setAll(rows);
      } else {
        logs.addAll(rows);
      }
      logsPage = pageNo;
      logsTotal.set(j.getInteger("totalCount", rows.size()));
    }, busy, problem);
  }

  /** A curl command that sends a test error report for the current app to this server. */
  String testReportCurl() {
    AppRef app = app();
    String base = ctx.publicUrlProperty().get();
    if (base.isBlank() && ctx.client() != null) {
      base = ctx.client().base().toString();
    }
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String key = app == null ? "<app key>" : app.appKey();
    return "curl -X POST " + base + "/api/v1/error/report -H \"Content-Type: application/json\" -d '"
        + new JsonObject().put("app_key", key).put("machine_id", "test-machine").put("software_version", "1.0.0")
            .put("error_type", "TestError").put("error_message", "a test report from curl")
            .put("error_stack", "at Main.main(Main.java:1)").encode()
        + "'";
  }
}
