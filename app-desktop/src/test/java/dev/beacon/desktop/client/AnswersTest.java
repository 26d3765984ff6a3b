package dev.beacon.desktop.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's answers as the records read them: absent and null fields read as empty or zero. */
class AnswersTest {
  @Test
  void readsTheStatsAnswers() {
    assertEquals(new ActiveDay("2026-11-22", 3, 5, 9, 1), ActiveDay.from(new JsonObject(
        "{\"date\":\"2026-11-22\",\"dau\":3,\"wau\":5,\"mau\":9,\"newMachines\":1}")));
    VersionDay v = VersionDay.from(new JsonObject("""
        {"date":"2026-11-23","versions":[{"version":"1.0","machines":2},{"version":"1.1","machines":3},{"version":"1.0","machines":1}]}"""));
    assertEquals(Map.of("1.0", 3L, "1.1", 3L), v.machines(), "a version sent twice is summed");
    assertEquals(List.of("1.0", "1.1"), List.copyOf(v.machines().keySet()), "in the order sent");
    UsageSummary s = UsageSummary.from(new JsonObject("""
        {"code":1000,"onlineNow":2,"dau":4,"wau":6,"mau":10,"stickiness":0.4,"totalMachines":12,"lastHeartbeat":"2026-11-23 11:00:00"}"""));
    assertEquals(new UsageSummary(2, 4, 6, 10, 0.4, 12, "2026-11-23 11:00:00"), s);
    assertEquals(40, s.stickinessPercent(), 1e-9);
    assertEquals(40, UsageSummary.from(new JsonObject("{\"stickiness\":40}")).stickinessPercent(), 1e-9);
    assertEquals(UsageSummary.EMPTY, UsageSummary.from(new JsonObject("{\"lastHeartbeat\":null}")));
  }

  @Test
  void readsAppsAndVersions() {
    App a = App.from(new JsonObject("{\"appId\":\"a1\",\"appKey\":\"k\",\"name\":\"Notes\",\"platform\":2,\"desc\":null,\"status\":1}"));
    assertTrue(a.frozen());
    assertEquals("iOS", a.platformName());
    assertEquals("", a.desc());
    Version v = Version.from(new JsonObject("""
        {"versionId":"v1","name":"1.0","code":100,"deviceIds":"dev-1; dev-2,dev-3","platforms":["windows"],"forceUpdate":true,"active":1}"""));
    assertTrue(v.released());
    assertEquals(List.of("dev-1", "dev-2", "dev-3"), v.devices());
    assertEquals(List.of("windows"), v.platforms());
    assertFalse(v.withReleased(false).released());
    assertFalse(Version.from(new JsonObject("{\"active\":2}")).released(), "2: not released");
    assertEquals(List.of(), Version.from(new JsonObject("{\"deviceIds\":\"\"}")).devices(), "empty: every device");
  }

  @Test
  void readsAnIssueWithItsDetail() {
    IssueDetail d = IssueDetail.from(new JsonObject("""
        {"issue":{"issueId":"i1","title":"NPE","status":"resolved","regression":false,"count":3,"machines":2,
                  "versions":["1.0","1.1"],"resolvedVersion":"1.1"},
         "latestEvent":{"appVersion":"1.1","stack":"","context":"NullPointerException: x","osInfo":"Windows"},
         "versionCounts":[{"version":"1.0","count":1}],"dailyCounts":[{"day":"2026-11-23","count":3}]}"""));
    assertEquals(List.of("1.0", "1.1"), d.issue().versions());
    assertFalse(d.issue().canResolve());
    assertTrue(d.issue().canIgnore() && d.issue().canReopen());
    assertEquals("NullPointerException: x", d.latestEvent().stackText(), "no stack: the context line");
    assertEquals(new IssueDetail.DayCount("2026-11-23", 3), d.dailyCounts().get(0));
    assertNull(IssueDetail.from(new JsonObject("{\"issue\":{},\"latestEvent\":null}")).latestEvent(), "past retention");
  }
}
