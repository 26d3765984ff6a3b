package dev.beacon.api.errors;

import static dev.beacon.api.errors.FingerprintTest.trace;
import static dev.beacon.api.errors.IssueFixtures.assertError;
import static dev.beacon.api.errors.IssueFixtures.detail;
import static dev.beacon.api.errors.IssueFixtures.issuesPath;
import static dev.beacon.api.errors.IssueFixtures.report;
import static dev.beacon.api.errors.IssueFixtures.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.Dates;
import dev.beacon.api.support.Resp;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One issue: its newest event, counts per version and per day; its events, paged. */
class IssueDetailApiTest extends IssueApiTest {
  static JsonObject python(TestApps.Created app, String file, String version, String machine) {
    return report(app, "TypeError", "Settings.__init__() got an unexpected keyword argument", trace(file), version, machine);
  }

  @Test
  void theDetailHasTheNewestEventAndCountsPerVersionAndDay() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String id = reported(server, python(app, "python/typeerror-config-linux-3.1.0.txt", "3.1.0", "srv-1"));
    reported(server, python(app, "python/typeerror-config-linux-3.1.0.txt", "3.1.0", "srv-2"));
    // two of today's events move to three days ago in the daily counts
    LocalDate today = LocalDate.now(Dates.zone());
    assertEquals(1, TestApps.update(server, "update error_issue_day set seen_day = ? where issue_id = ?", today.minusDays(3), id));
    String newest = trace("python/typeerror-config-windows-3.2.0.txt");
    reported(server, python(app, "python/typeerror-config-windows-3.2.0.txt", "3.2.0", "pc-bob").put("os_info", "Windows-11-10.0.22631-SP0"));

    JsonObject d = detail(dev, app.appId(), id);
    JsonObject issue = d.getJsonObject("issue");
    assertEquals(id, issue.getString("issueId"));
    assertEquals(3, issue.getInteger("count"));
    assertEquals(3, issue.getInteger("machines"));
    assertEquals(List.of("3.1.0", "3.2.0"), issue.getJsonArray("versions").getList());

    JsonObject latest = d.getJsonObject("latestEvent");
    assertEquals(newest, latest.getString("stack"), "the whole stack");
    assertEquals("Windows-11-10.0.22631-SP0", latest.getString("osInfo"));
    assertEquals("3.2.0", latest.getString("appVersion"));
    assertEquals(id, latest.getString("issueId"));
    assertTrue(latest.getString("machineHash").matches("[0-9a-f]{64}"), latest::encode);
    assertNotEquals("pc-bob", latest.getString("machineHash"));
    assertTrue(latest.getString("createDate").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), latest::encode);

    JsonArray versions = d.getJsonArray("versionCounts");
    assertEquals(2, versions.size());
    assertEquals("3.1.0", versions.getJsonObject(0).getString("version"));
    assertEquals(2, versions.getJsonObject(0).getInteger("count"));
    assertEquals("3.2.0", versions.getJsonObject(1).getString("version"));
    assertEquals(1, versions.getJsonObject(1).getInteger("count"));
    assertTrue(versions.getJsonObject(1).getString("firstSeen").matches("\\d{4}-.*"), versions::encode);

    JsonArray days = d.getJsonArray("dailyCounts");
    assertEquals(IssueRoutes.DAYS, days.size(), "the last 30 days, today included");
    for (int i = 0; i < days.size(); i++) {
      LocalDate day = today.minusDays(days.size() - 1L - i);
      JsonObject entry = days.getJsonObject(i);
      assertEquals(Dates.DATE.format(day), entry.getString("day"), "oldest first, no day missing");
      long expected = day.equals(today) ? 1 : day.equals(today.minusDays(3)) ? 2 : 0;
      assertEquals(expected, entry.getLong("count"), entry::encode);
    }
  }

  @Test
  void theMachineHashOfALogIsTheHashOfItsDeviceId() {
    TestApps.Created app = TestApps.create(dev);
    String issueId = reported(server, report(app, "Crash", "boom", "", "1.0", "device-7"));
    assertEquals(1000, server.anonymous().post(IssueFixtures.LOGS, IssueFixtures.log(app, "Crash: boom", "1.0", "device-7")).code());
    JsonObject d = detail(dev, app.appId(), issueId);
    assertEquals(1, d.getJsonObject("issue").getInteger("machines"), "the same machine through both families");
    assertEquals("log", d.getJsonObject("latestEvent").getString("source"));
    assertEquals("device-7", d.getJsonObject("latestEvent").getString("deviceId"), "as the seed's log list shows it");
    Resp events = dev.get(issuesPath(dev, app.appId()) + "/" + issueId + "/events");
    JsonArray list = events.json().getJsonArray("events");
    assertEquals(list.getJsonObject(0).getString("machineHash"), list.getJsonObject(1).getString("machineHash"));
  }

  @Test
  void eventsArePagedNewestFirst() {
    TestApps.Created app = TestApps.create(dev);
    String id = null;
    for (int i = 1; i <= 5; i++) {
      id = reported(server, report(app, "Crash", "boom " + i, "", "1." + i, "m" + i));
    }
    String path = issuesPath(dev, app.appId()) + "/" + id + "/events";
    JsonObject first = dev.get(path + "?pageSize=2").json();
    assertEquals(1000, first.getInteger("code"));
    assertEquals(5, first.getInteger("totalCount"));
    assertEquals(List.of("boom 5", "boom 4"), messages(first));
    assertEquals(List.of("boom 1"), messages(dev.get(path + "?pageNo=3&pageSize=2").json()));
    assertEquals(List.of("boom 1", "boom 2"), messages(dev.get(path + "?orderBy=createDate:asc&pageSize=2").json()));
    JsonObject event = first.getJsonArray("events").getJsonObject(0);
    assertEquals(id, event.getString("issueId"));
    assertEquals("1.5", event.getString("appVersion"));
    assertEquals("Windows 11 Pro 10.0.22631", event.getString("osInfo"));
    assertError(dev.get(path + "?orderBy=count:desc"), 400, 4000, "orderBy");
    assertError(dev.get(path + "?pageSize=500"), 400, 4000, "pageSize");
  }

  @Test
  void anIssueWhoseEventsWereAllPrunedHasNoLatestEvent() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String id = reported(server, report(app, "Crash", "gone", "", "1.0", "m"));
    assertEquals(1, TestApps.update(server, "delete from error_event where issue_id = ?", id));
    JsonObject d = detail(dev, app.appId(), id);
    assertNull(d.getValue("latestEvent"));
    assertEquals(1, d.getJsonObject("issue").getInteger("count"));
    assertEquals(0, dev.get(issuesPath(dev, app.appId()) + "/" + id + "/events").json().getInteger("totalCount"));
  }

  private static List<String> messages(JsonObject page) {
    return page.getJsonArray("events").stream().map(o -> ((JsonObject) o).getString("message")).toList();
  }
}
