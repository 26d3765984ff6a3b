package dev.beacon.api.errors;

import static dev.beacon.api.errors.FingerprintTest.trace;
import static dev.beacon.api.errors.IssueFixtures.assertError;
import static dev.beacon.api.errors.IssueFixtures.log;
import static dev.beacon.api.errors.IssueFixtures.report;
import static dev.beacon.api.errors.IssueFixtures.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Size and rate limits of the error ingest routes: stacks of megabytes are cut and counted, and
 * an app key sending too fast gets 429 with Retry-After (here 1 event every 2 s after a burst of
 * 3, so that the test is not racing the refill).
 */
class ErrorLimitsApiTest {
  static final String NPE = "java.lang.NullPointerException";

  static TestServer server;
  static Api dev;

  @BeforeAll
  static void up() throws Exception {
    server = TestServer.start(c -> c.errorRate(0.5).errorBurst(3));
    dev = server.newDeveloper();
  }

  @AfterAll
  static void down() throws Exception {
    server.close();
  }

  @Test
  void aTenMegabyteStackIsCutOnStorageAndCountedInItsIssue() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String top = trace("java/npe-cart-1.2.0-jdk17.txt");
    StringBuilder huge = new StringBuilder(top);
    for (int i = 0; huge.length() < 10_000_000; i++) {
      huge.append("\tat com.acme.shop.Recursion.descend(Recursion.java:").append(i % 90 + 10).append(")\n");
    }
    String small = reported(server, report(app, NPE, "sku", top, "1.2.0", "pc-1"));
    Resp r = server.anonymous().post(IssueFixtures.REPORT, report(app, NPE, "sku", huge.toString(), "1.2.0", "pc-2"));
    assertEquals(200, r.status(), r::toString);
    assertEquals(small, r.json().getJsonObject("data").getString("issueId"), "grouped by its top frames like the short one");

    long id = r.json().getJsonObject("data").getLong("id");
    String stored = (String) TestApps.rows(server, "select stack from error_event where id = ?", id).get(0).get("STACK");
    assertEquals(ErrorEvent.MAX_STACK, stored.length(), "cut to the column");
    assertEquals(huge.substring(0, ErrorEvent.MAX_STACK), stored, "the top of the stack is kept");
    JsonObject issue = IssueFixtures.detail(dev, app.appId(), small).getJsonObject("issue");
    assertEquals(2, issue.getInteger("count"));
    assertEquals(2, issue.getInteger("machines"));
  }

  @Test
  void aLogOverSixteenMegabytesIs4000() {
    TestApps.Created app = TestApps.create(dev);
    Resp r = server.anonymous().post(IssueFixtures.LOGS, log(app, "x".repeat(17 * 1024 * 1024), "1.0", "d"));
    assertError(r, 400, 4000, "larger than the limit of 16777216 bytes");
  }

  @Test
  void anAppKeySendingTooFastIsToldToWaitThenRecovers() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    TestApps.Created other = TestApps.create(dev);
    for (int i = 0; i < 3; i++) {
      reported(server, report(app, "Crash", "boom", "", "1.0", "m" + i));
    }
    Resp tooMany = server.anonymous().post(IssueFixtures.REPORT, report(app, "Crash", "boom", "", "1.0", "m9"));
    assertEquals(429, tooMany.status(), tooMany::toString);
    assertEquals(429, tooMany.json().getInteger("code"), "family A: the HTTP status as code");
    assertTrue(tooMany.json().getString("message").contains("0.5 per second after a burst of 3"), tooMany::toString);
    long wait = Long.parseLong(tooMany.header("Retry-After"));
    assertTrue(wait >= 1 && wait <= 2, "whole seconds until the next event is allowed: " + wait);

    Resp logTooMany = server.anonymous().post(IssueFixtures.LOGS, log(app, "Crash: boom", "1.0", "d1"));
    assertEquals(429, logTooMany.status(), logTooMany::toString);
    assertEquals(4029, logTooMany.code(), "family B: 4029, as the README's Limits table says");
    assertTrue(logTooMany.msg().contains("retry in"), logTooMany::toString);
    assertTrue(Long.parseLong(logTooMany.header("Retry-After")) >= 1, logTooMany::toString);

    reported(server, report(other, "Crash", "boom", "", "1.0", "m1")); // another key has its own bucket
    assertEquals(3, TestApps.count(server, "select count(*) from error_event where app_id = ?", app.appId()),
        "refused events are not stored");

    Thread.sleep(Long.parseLong(logTooMany.header("Retry-After")) * 1000 + 100);
    reported(server, report(app, "Crash", "boom", "", "1.0", "m9"));
    assertEquals(4, IssueFixtures.list(dev, app.appId(), "").getJsonArray("issues").getJsonObject(0).getInteger("count"));
  }
}
