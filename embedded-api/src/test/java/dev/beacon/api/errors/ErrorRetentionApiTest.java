package dev.beacon.api.errors;

import static dev.beacon.api.errors.IssueFixtures.detail;
import static dev.beacon.api.errors.IssueFixtures.issuesPath;
import static dev.beacon.api.errors.IssueFixtures.report;
import static dev.beacon.api.errors.IssueFixtures.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The retention sweep deletes old raw events and leaves issues and their counts alone. */
class ErrorRetentionApiTest {
  static TestServer server;
  static Api dev;

  @BeforeAll
  static void up() throws Exception {
    server = TestServer.start(c -> c.errorRetention(Duration.ofDays(1)).errorRetentionSweep(Duration.ofMillis(200)));
    dev = server.newDeveloper();
  }

  @AfterAll
  static void down() throws Exception {
    server.close();
  }

  @Test
  void oldEventsArePrunedAndTheIssueKeepsItsCounts() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String id = null;
    for (int i = 0; i < 3; i++) {
      id = reported(server, report(app, "Crash", "boom", "", "1." + i, "m" + i));
    }
    long newest = (Long) TestApps.rows(server, "select max(id) as m from error_event where app_id = ?", app.appId()).get(0).get("M");
    OffsetDateTime old = OffsetDateTime.now().minusDays(3);
    assertEquals(2, TestApps.update(server, "update error_event set created_at = ? where app_id = ? and id < ?", old, app.appId(), newest));

    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (TestApps.count(server, "select count(*) from error_event where app_id = ?", app.appId()) > 1) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the sweep did not prune the two old events within 15 s");
      }
      Thread.sleep(100);
    }
    assertEquals(newest, (Long) TestApps.rows(server, "select id from error_event where app_id = ?", app.appId()).get(0).get("ID"),
        "the recent event stays");

    JsonObject d = detail(dev, app.appId(), id);
    JsonObject issue = d.getJsonObject("issue");
    assertEquals(3, issue.getInteger("count"), "counts outlive the events");
    assertEquals(3, issue.getInteger("machines"));
    assertEquals(List.of("1.0", "1.1", "1.2"), issue.getJsonArray("versions").getList());
    assertEquals(3, d.getJsonArray("versionCounts").size());
    assertEquals(3, d.getJsonArray("dailyCounts").stream().mapToLong(o -> ((JsonObject) o).getLong("count")).sum());
    assertEquals("1.2", d.getJsonObject("latestEvent").getString("appVersion"));
    assertEquals(1, dev.get(issuesPath(dev, app.appId()) + "/" + id + "/events").json().getInteger("totalCount"));
    assertEquals(1, dev.get("/v1/user/" + dev.openId + "/logs?appId=" + app.appId()).json().getInteger("totalCount"));

    String again = reported(server, report(app, "Crash", "boom", "", "1.3", "m0"));
    assertEquals(id, again, "a pruned issue keeps grouping");
    assertEquals(4, detail(dev, app.appId(), id).getJsonObject("issue").getInteger("count"));
  }
}
