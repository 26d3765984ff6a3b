package dev.beacon.desktop.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stats API's answers as the Overview reads them. */
class StatsTest {
  @Test
  void readsTheActiveSeries() {
    List<Stats.Active> a = Stats.active(new JsonObject("""
        {"code":1000,"msg":"success","series":[
          {"date":"2026-11-22","dau":3,"wau":5,"mau":9,"newMachines":1},
          {"date":"2026-11-23","dau":4,"wau":6,"mau":10,"newMachines":2}]}"""));
    assertEquals(List.of(new Stats.Active("2026-11-22", 3, 5, 9, 1), new Stats.Active("2026-11-23", 4, 6, 10, 2)), a);
    assertEquals(3, Stats.newMachines(a));
    assertEquals(List.of(), Stats.active(new JsonObject("{\"code\":1000}")), "no series: nothing to draw");
  }

  @Test
  void readsVersionAdoptionAndListsEveryVersionOnce() {
    List<Stats.VersionDay> v = Stats.versions(new JsonObject("""
        {"code":1000,"series":[
          {"date":"2026-11-22","versions":[{"version":"1.0","machines":4}]},
          {"date":"2026-11-23","versions":[{"version":"1.0","machines":2},{"version":"1.1","machines":3}]}]}"""));
    assertEquals(2, v.size());
    assertEquals(Map.of("1.0", 2L, "1.1", 3L), v.get(1).machines());
    assertEquals(List.of("1.0", "1.1"), List.copyOf(Stats.versionNames(v)));
  }

  @Test
  void readsTheSummaryAndShowsStickinessAsAPercentage() {
    Stats.Summary s = Stats.summary(new JsonObject("""
        {"code":1000,"onlineNow":2,"dau":4,"wau":6,"mau":10,"stickiness":0.4,"totalMachines":12,"lastHeartbeat":"2026-11-23 11:00:00"}"""));
    assertEquals(new Stats.Summary(2, 4, 6, 10, 0.4, 12, "2026-11-23 11:00:00"), s);
    assertEquals("40%", Stats.percent(s.stickiness()));
    assertEquals("40%", Stats.percent(40), "a server that sends a percentage");
    assertEquals(Stats.Summary.EMPTY.dau(), Stats.summary(new JsonObject("{\"lastHeartbeat\":null}")).dau());
  }
}
