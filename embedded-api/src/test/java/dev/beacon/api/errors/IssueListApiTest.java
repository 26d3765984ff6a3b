package dev.beacon.api.errors;

import static dev.beacon.api.errors.IssueFixtures.act;
import static dev.beacon.api.errors.IssueFixtures.assertError;
import static dev.beacon.api.errors.IssueFixtures.ids;
import static dev.beacon.api.errors.IssueFixtures.issuesPath;
import static dev.beacon.api.errors.IssueFixtures.report;
import static dev.beacon.api.errors.IssueFixtures.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.core.Dates;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters, ordering and paging of an app's issue list, over three issues:
 * <pre>
 *   issue  events machines versions       first seen        last seen   status
 *   disk   4      1        1.0.0          2026-01-01 10:00  2026-01-10  unresolved
 *   time   2      2        1.1.0          2026-02-01 00:00  2026-04-01  ignored
 *   key    3      3        1.0.0, 1.1.0   2026-03-01 12:00  2026-03-05  resolved
 * </pre>
 */
class IssueListApiTest extends IssueApiTest {
  static TestApps.Created app;
  static String disk;
  static String time;
  static String key;

  @BeforeAll
  static void makeIssues() throws Exception {
    app = TestApps.create(dev);
    for (int i = 0; i < 4; i++) {
      disk = reported(server, report(app, "DiskFullError", "disk full on /var (" + i + " GB left)", "", "1.0.0", "pc-1"));
    }
    for (int i = 0; i < 2; i++) {
      time = reported(server, report(app, "TimeoutError", "read timed out", "", "1.1.0", "pc-" + i));
    }
    key = reported(server, report(app, "KeyError", "'user_%_x' (tenant 17)", "", "1.0.0", "pc-1"));
    reported(server, report(app, "KeyError", "'user_%_x' (tenant 17)", "", "1.1.0", "pc-2"));
    reported(server, report(app, "KeyError", "'user_%_x' (tenant 42)", "", "1.1.0", "pc-3"));
    seen(disk, "2026-01-01T10:00", "2026-01-10T08:00");
    seen(time, "2026-02-01T00:00", "2026-04-01T09:30");
    seen(key, "2026-03-01T12:00", "2026-03-05T18:00");
    assertEquals(1000, act(dev, app.appId(), key, "resolve").code());
    assertEquals(1000, act(dev, app.appId(), time, "ignore").code());
  }

  /** Sets when an issue was first and last seen, as local times of the server's zone. */
  static void seen(String issueId, String first, String last) throws Exception {
    assertEquals(1, TestApps.update(server, "update error_issue set first_seen = ?, last_seen = ? where issue_id = ?",
        local(first), local(last), issueId));
  }

  static OffsetDateTime local(String isoLocal) {
    return LocalDateTime.parse(isoLocal).atZone(Dates.zone()).toOffsetDateTime();
  }

  static List<String> listed(String query) {
    return ids(IssueFixtures.list(dev, app.appId(), query));
  }

  @Test
  void theListShowsEachIssueNewestActivityFirst() {
    JsonObject page = IssueFixtures.list(dev, app.appId(), "");
    assertEquals(3, page.getInteger("totalCount"));
    assertEquals(List.of(time, key, disk), ids(page), "default order last_seen:desc");
    JsonObject k = page.getJsonArray("issues").getJsonObject(1);
    assertEquals("KeyError: 'user_%_x' (tenant 17)", k.getString("title"), "as the first event said it");
    assertEquals(3, k.getInteger("count"));
    assertEquals(3, k.getInteger("machines"));
    assertEquals(List.of("1.0.0", "1.1.0"), k.getJsonArray("versions").getList());
    assertEquals("2026-03-01 12:00:00", k.getString("firstSeen"));
    assertEquals("2026-03-05 18:00:00", k.getString("lastSeen"));
    assertEquals("resolved", k.getString("status"));
  }

  @Test
  void ordersByEachColumnBothWays() {
    assertEquals(List.of(disk, key, time), listed("orderBy=last_seen:asc"));
    assertEquals(List.of(disk, key, time), listed("orderBy=count:desc"));
    assertEquals(List.of(time, key, disk), listed("orderBy=count:asc"));
    assertEquals(List.of(key, time, disk), listed("orderBy=machines:desc"));
    assertEquals(List.of(disk, time, key), listed("orderBy=machines:asc"));
    assertEquals(List.of(disk, time, key), listed("orderBy=first_seen:asc"));
    assertEquals(List.of(key, time, disk), listed("orderBy=first_seen:desc"));
    assertEquals(List.of(key, time, disk), listed("ORDERBY=firstSeen:desc"), "camelCase names and any parameter case");
  }

  @Test
  void filtersByStatus() {
    assertEquals(List.of(disk), listed("status=unresolved"));
    assertEquals(List.of(key), listed("status=resolved"));
    assertEquals(List.of(time), listed("status=IGNORED"));
    assertError(dev.get(issuesPath(dev, app.appId()) + "?status=open"), 400, 4000,
        "status must be one of unresolved, resolved, ignored, got 'open'");
  }

  @Test
  void filtersByVersionSeen() {
    assertEquals(List.of(key, disk), listed("version=1.0.0"));
    assertEquals(List.of(time, key), listed("version=1.1.0"));
    assertEquals(List.of(), listed("version=1.0"), "versions match exactly");
  }

  @Test
  void searchesTitleAndNewestMessageIgnoringCase() {
    assertEquals(List.of(disk), listed("q=DISK%20full"));
    assertEquals(List.of(key), listed("q=TENANT%2042"), "only the newest message says it");
    assertEquals(List.of(key), listed("q=_%25_"), "% and _ are plain characters");
    assertEquals(List.of(time, key, disk), listed("q=ERR"));
    assertEquals(List.of(time), listed("q=timed"));
    assertEquals(List.of(), listed("q=nothing-like-this"));
    assertError(dev.get(issuesPath(dev, app.appId()) + "?q=" + "x".repeat(201)), 400, 4000, "q is longer than 200");
  }

  @Test
  void filtersByTheTimeSeen() {
    assertEquals(List.of(time, key), listed("since=2026-03-01"));
    assertEquals(List.of(disk), listed("until=2026-01-31"), "a bare until date runs to the end of that day");
    assertEquals(List.of(disk), listed("since=2026-01-05&until=2026-01-20"), "seen at some time in between");
    assertEquals(List.of(time), listed("since=2026-02-15&until=2026-02-20"), "time was active all along");
    assertEquals(List.of(time, key), listed("since=2026-03-05%2018:00:00&until=2026-03-05%2018:00:00"));
    assertEquals(List.of(disk), listed("since=2026-01-10%2008:00:00&until=2026-01-31%2023:59:59"));
    assertEquals(List.of(), listed("since=2026-04-02"));
    assertError(dev.get(issuesPath(dev, app.appId()) + "?since=yesterday"), 400, 4000,
        "since must be a date as yyyy-MM-dd or yyyy-MM-dd HH:mm:ss");
    assertError(dev.get(issuesPath(dev, app.appId()) + "?until=2026-13-01"), 400, 4000, "until must be a date");
    assertError(dev.get(issuesPath(dev, app.appId()) + "?since=2026-02-01&until=2026-01-01"), 400, 4000,
        "since must not be after until");
  }

  @Test
  void filtersCombine() {
    assertEquals(List.of(disk), listed("status=unresolved&version=1.0.0"));
    assertEquals(List.of(), listed("status=ignored&version=1.0.0"));
    assertEquals(List.of(key), listed("version=1.1.0&q=keyerror&since=2026-03-01&until=2026-03-31"));
  }

  @Test
  void pages() {
    JsonObject first = IssueFixtures.list(dev, app.appId(), "pageSize=2");
    assertEquals(3, first.getInteger("totalCount"), "totalCount counts all matches");
    assertEquals(List.of(time, key), ids(first));
    assertEquals(List.of(disk), listed("pageNo=2&pageSize=2"));
    assertEquals(List.of(), listed("pageNo=3&pageSize=2"));
    assertError(dev.get(issuesPath(dev, app.appId()) + "?pageSize=101"), 400, 4000, "pageSize");
    assertError(dev.get(issuesPath(dev, app.appId()) + "?pageNo=0"), 400, 4000, "pageNo");
    assertError(dev.get(issuesPath(dev, app.appId()) + "?orderBy=title:asc"), 400, 4000,
        "orderBy must be column:asc or column:desc with column one of count, firstSeen, first_seen, lastSeen, last_seen, machines");
    assertError(dev.get(issuesPath(dev, app.appId()) + "?orderBy=count:up"), 400, 4000, "orderBy");
  }

  @Test
  void anAppOfTheCallerWithoutIssuesListsNone() {
    TestApps.Created empty = TestApps.create(dev);
    JsonObject page = IssueFixtures.list(dev, empty.appId(), "");
    assertEquals(0, page.getInteger("totalCount"));
    assertEquals(0, page.getJsonArray("issues").size());
    assertError(dev.get(issuesPath(dev, "no-such-app")), 404, 4004, "no app no-such-app");
  }
}
