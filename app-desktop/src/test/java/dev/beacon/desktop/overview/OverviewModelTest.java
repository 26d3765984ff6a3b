package dev.beacon.desktop.overview;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.ActiveDay;
import dev.beacon.desktop.client.App;
import dev.beacon.desktop.client.UsageSummary;
import dev.beacon.desktop.client.VersionDay;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Overview's model against a real server, without a window; and the series and tiles it derives. */
class OverviewModelTest {

  private static void heartbeat(App app, String machine, String version) throws Exception {
    Models.server().anonymous().post("api/v1/user/heartbeat", new JsonObject().put("app_key", app.appKey())
        .put("machine_id", machine).put("version", version));
  }

  @Test
  void heartbeatsMoveTheTilesAndTheCharts() throws Exception {
    ConsoleContext ctx = Models.developer();
    App app = Models.currentApp(ctx, "Pulse");
    OverviewModel model = call(() -> new OverviewModel(ctx));
    run(model::load);
    assertEquals(1, model.loads());
    assertEquals(0, model.summaryProperty().get().dau());
    assertEquals("0", call(() -> model.newMachinesBinding().get()));

    heartbeat(app, "machine-1", "1.0.0");
    heartbeat(app, "machine-2", "1.1.0");
    heartbeat(app, "machine-3", "1.1.0");
    run(model::load); // what the minute's refresh does
    UsageSummary s = model.summaryProperty().get();
    assertEquals(3, s.dau());
    assertEquals(3, s.onlineNow());
    assertEquals("3", call(() -> model.newMachinesBinding().get()));
    assertEquals("100%", call(() -> model.stickinessBinding().get()), "DAU/MAU");

    List<OverviewModel.Series> active = call(() -> model.activeSeriesBinding().get());
    assertEquals(List.of("DAU", "WAU", "MAU"), active.stream().map(OverviewModel.Series::name).toList());
    List<OverviewModel.Point> dau = active.get(0).points();
    assertEquals(30, dau.size(), "a point per day of the range");
    assertEquals(3, dau.get(dau.size() - 1).value(), "today's DAU");
    assertTrue(dau.get(0).day().matches("\\d\\d-\\d\\d"), dau.get(0).day());

    Map<String, Long> today = call(() -> model.adoptionBinding().get()).stream().collect(Collectors.toMap(
        OverviewModel.Series::name, v -> v.points().get(v.points().size() - 1).value()));
    assertEquals(Map.of("1.0.0", 1L, "1.1.0", 2L), today, "machines per version today");

    run(() -> model.daysProperty().set(7)); // a new range loads at once
    assertEquals(3, model.loads());
    assertEquals(7, call(() -> model.activeSeriesBinding().get()).get(0).points().size());

    run(() -> ctx.setCurrentApp(null));
    run(model::load);
    assertEquals(UsageSummary.EMPTY, model.summaryProperty().get(), "no app: nothing shown");
    assertEquals(List.of(), model.activeProperty().get());
  }

  @Test
  void derivesTheSeriesAndTilesFromTheAnswers() {
    List<ActiveDay> days = List.of(new ActiveDay("2026-11-22", 3, 5, 9, 1), new ActiveDay("2026-11-23", 4, 6, 10, 2));
    assertEquals(3, OverviewModel.newMachines(days));
    assertEquals(new OverviewModel.Series("WAU", List.of(new OverviewModel.Point("11-22", 5), new OverviewModel.Point("11-23", 6))),
        OverviewModel.activeSeries(days).get(1));

    List<VersionDay> versions = List.of(new VersionDay("2026-11-22", Map.of("1.0", 4L)),
        new VersionDay("2026-11-23", new java.util.LinkedHashMap<>(Map.of("1.0", 2L))),
        new VersionDay("2026-11-24", Map.of("", 3L)));
    assertEquals(Set.of("1.0", ""), OverviewModel.versionNames(versions));
    List<OverviewModel.Series> adoption = OverviewModel.adoption(versions);
    assertEquals(List.of("1.0", "(unknown)"), adoption.stream().map(OverviewModel.Series::name).toList(),
        "in order of first appearance; no version reads (unknown)");
    assertEquals(List.of(4L, 2L, 0L), adoption.get(0).points().stream().map(OverviewModel.Point::value).toList(),
        "0 on a day without the version");

    assertEquals("40%", OverviewModel.percent(new UsageSummary(0, 4, 6, 10, 0.4, 12, "").stickinessPercent()));
    assertEquals("40%", OverviewModel.percent(new UsageSummary(0, 4, 6, 10, 40, 12, "").stickinessPercent()),
        "a server that sends a percentage");
    assertEquals("11-23", OverviewModel.day("2026-11-23"));
    assertEquals("today", OverviewModel.day("today"));
  }
}
