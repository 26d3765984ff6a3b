package dev.beacon.desktop.errors;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.App;
import dev.beacon.desktop.client.Issue;
import dev.beacon.desktop.client.IssuesApi;
import dev.beacon.desktop.client.IssuesApi.Action;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Errors screen's model against a real server, without a window: each test on an app of its own. */
class ErrorsModelTest {
  static final String NPE_STACK =
      "java.lang.NullPointerException: cart is null\n\tat com.acme.Checkout.pay(Checkout.java:42)\n\tat com.acme.Main.main(Main.java:7)";
  static ConsoleContext ctx;

  @BeforeAll
  static void signIn() throws Exception {
    ctx = Models.developer();
  }

  private static void report(App app, String type, String message, String stack, String version) throws Exception {
    Models.server().anonymous().post("api/v1/error/report", new JsonObject().put("app_key", app.appKey())
        .put("machine_id", "m-" + type).put("software_version", version).put("error_type", type)
        .put("error_message", message).put("error_stack", stack).put("os_info", "Windows 11 Pro"));
  }

  private static List<String> titles(ErrorsModel m) {
    return m.issues.stream().map(Issue::title).toList();
  }

  @Test
  void filtersSearchAndSaysWhyTheListIsEmpty() throws Exception {
    App app = Models.currentApp(ctx, "Checkout");
    ErrorsModel model = call(() -> new ErrorsModel(ctx));
    run(model::refresh);
    assertEquals(List.of(), model.issues);
    assertFalse(model.anyIssue.get());
    assertEquals("No errors reported for this app yet.", call(model::emptyText));
    String curl = call(model::testReportCurl);
    assertTrue(curl.contains(app.appKey()) && curl.contains(ctx.publicUrlProperty().get() + "api/v1/error/report"), curl);

    report(app, "java.lang.NullPointerException", "cart is null", NPE_STACK, "1.2.0");
    report(app, "java.lang.IllegalStateException", "sync failed", "java.lang.IllegalStateException: sync failed\n\tat com.acme.Sync.run(Sync.java:10)", "1.3.0");
    run(model::refresh);
    assertEquals(2, model.issues.size());
    assertEquals(2, model.total.get());
    assertFalse(model.more());

    run(() -> model.search.set("CART"));
    run(model::refresh);
    assertEquals(1, model.issues.size(), "the search ignores case");
    assertTrue(titles(model).get(0).contains("NullPointerException"));

    run(() -> {
      model.search.set("");
      model.version.set("1.3.0");
    });
    run(model::refresh);
    assertTrue(titles(model).get(0).contains("sync failed") && model.issues.size() == 1, "the version filter");

    run(() -> model.since.set(LocalDate.now().plusDays(1)));
    run(model::refresh);
    assertEquals(List.of(), model.issues);
    assertTrue(model.anyIssue.get(), "the app has issues, just none under these filters");
    assertTrue(call(model::emptyText).startsWith("No issues match these filters"));

    run(() -> ctx.setCurrentApp(null));
    run(model::refresh);
    assertTrue(call(model::emptyText).startsWith("No app chosen"));
    assertEquals(0, model.total.get());
  }

  @Test
  void theDetailShowsTheStackAndTheActionsThatApply() throws Exception {
    App app = Models.currentApp(ctx, "Detail");
    report(app, "java.lang.NullPointerException", "cart is null", NPE_STACK, "1.2.0");
    ErrorsModel model = call(() -> new ErrorsModel(ctx));
    run(model::refresh);
    Issue issue = model.issues.get(0);
    assertEquals(Issue.UNRESOLVED, ErrorsModel.statusText(issue));

    run(() -> model.select(issue));
    assertEquals(NPE_STACK, model.stack.get());
    assertTrue(call(model.title::get).contains("cart is null"));
    String meta = call(model.meta::get);
    assertTrue(meta.startsWith("unresolved · 1 events on 1 machines · version 1.2.0 · Windows 11 Pro"), meta);
    assertTrue(call(model.canResolve::get) && call(model.canIgnore::get));
    assertFalse(call(model.canReopen::get));
    assertEquals(List.of("1.2.0"), model.versionCounts.stream().map(v -> v.version()).toList());
    assertEquals(30, model.dailyCounts.size(), "a count per day of the last 30");
    assertEquals(1, model.events.size());
    run(() -> model.showEvent(model.events.get(0)));
    assertEquals(NPE_STACK, model.stack.get());

    run(() -> model.act(Action.RESOLVE));
    assertEquals(List.of(), model.issues, "resolved: gone from the unresolved list");
    assertEquals(Issue.RESOLVED, new IssuesApi(ctx.client()).detail(app.appId(), issue.issueId()).issue().status(),
        "the server says resolved");
    assertFalse(call(model.canResolve::get));
    assertTrue(call(model.canReopen::get));
    assertTrue(call(model.meta::get).contains("resolved in 1.2.0"), call(model.meta::get));

    run(() -> model.status.set("resolved"));
    run(model::refresh);
    assertEquals(List.of(issue.issueId()), model.issues.stream().map(Issue::issueId).toList());
    run(() -> model.act(Action.REOPEN));
    assertEquals(List.of(), model.issues, "reopened: gone from the resolved list");
    run(() -> model.status.set("all"));
    run(model::refresh);
    assertEquals(Issue.UNRESOLVED, model.issues.get(0).status());

    run(() -> model.select(null));
    assertNull(model.detail.get());
    assertEquals("", model.stack.get());
    assertFalse(call(model.canReopen::get));
  }

  @Test
  void pagesThroughIssuesAndRawLogs() throws Exception {
    App app = Models.currentApp(ctx, "Many");
    int n = ErrorsModel.PAGE + 3;
    for (int i = 0; i < n; i++) {
      report(app, "com.acme.Error" + i, "failure " + i, "com.acme.Error" + i + ": failure " + i + "\n\tat com.acme.Part" + i
          + ".run(Part" + i + ".java:" + (i + 1) + ")", i % 2 == 0 ? "2.0.0" : "2.1.0");
    }
    ErrorsModel model = call(() -> new ErrorsModel(ctx));
    run(model::refresh);
    assertEquals(ErrorsModel.PAGE, model.issues.size());
    assertEquals(n, model.total.get());
    assertTrue(model.more());
    run(model::loadMore);
    assertEquals(n, model.issues.size());
    assertFalse(model.more());
    assertEquals(n, model.issues.stream().map(Issue::issueId).distinct().count(), "no issue twice");

    run(model::refreshLogs);
    assertEquals(ErrorsModel.PAGE, model.logs.size());
    assertEquals(n, model.logsTotal.get());
    run(model::moreLogs);
    assertEquals(n, model.logs.size());
    assertFalse(model.moreLogsToLoad());
    run(() -> model.showLog(model.logs.get(0)));
    assertTrue(model.logStack.get().contains("\tat com.acme.Part"), model.logStack.get());

    run(() -> model.version.set("2.1.0"));
    run(model::refreshLogs);
    assertEquals(n / 2, model.logsTotal.get(), "the version filter applies to the logs");
    assertTrue(model.logs.stream().allMatch(l -> l.appVersion().equals("2.1.0")));
  }
}
