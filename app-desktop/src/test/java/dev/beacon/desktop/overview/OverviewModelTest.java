package dev.beacon.desktop.overview;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.App;
import dev.beacon.desktop.client.UsageSummary;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.chart.DayRange;
import dev.beacon.desktop.ui.chart.TimeSeries;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Overview's model against a real server, without a window: the tiles, the series and the ranges it derives. */
class OverviewModelTest {

  private static void heartbeat(App app, String machine, String version) throws Exception {
    Models.server().anonymous().post("api/v1/user/heartbeat", new JsonObject().put("app_key", app.appKey())
        .put("machine_id", machine).put("version", version));
  }

  private static Map<String, Tile> tiles(OverviewModel model) throws Exception {
    return call(() -> model.dataProperty().get().tiles()).stream().collect(Collectors.toMap(Tile::id, t -> t));
  }

  @Test
  void heartbeatsMoveTheTilesAndTheCharts() throws Exception {
    ConsoleContext ctx = Models.developer();
    App app = Models.currentApp(ctx, "Pulse");
    OverviewModel model = call(() -> new OverviewModel(ctx));
    run(model::load);
    assertEquals(1, model.loads());
    assertEquals("0", tiles(model).get("dau").value());
    assertEquals("0", tiles(model).get("new").value());

    heartbeat(app, "machine-1", "1.0.0");
    heartbeat(app, "machine-2", "1.1.0");
    heartbeat(app, "machine-3", "1.1.0");
    run(model::load); // what the minute's refresh does
    UsageSummary s = call(() -> model.dataProperty().get().summary());
    assertEquals(3, s.onlineNow());
    Map<String, Tile> tiles = tiles(model);
    assertEquals("3", tiles.get("dau").value());
    assertEquals("up from 0 vs the day before", tiles.get("dau").change());
    assertEquals("3", tiles.get("online").value());
    assertEquals("3", tiles.get("new").value());
    assertEquals("100%", tiles.get("stickiness").value(), "DAU/MAU");

    List<TimeSeries> active = call(() -> model.activeSeriesBinding().get());
    assertEquals(List.of("DAU", "WAU", "MAU"), active.stream().map(TimeSeries::name).toList());
    List<TimeSeries.Point> dau = active.get(0).points();
    assertEquals(30, dau.size(), "a point per day of the range");
    assertEquals(LocalDate.now(), dau.get(dau.size() - 1).day());
    assertEquals(3, dau.get(dau.size() - 1).value(), "today's DAU");

    Map<String, String> shares = call(() -> model.dataProperty().get().adoption()).stream()
        .collect(Collectors.toMap(TimeSeries::name, TimeSeries::detail));
    assertEquals(Map.of("1.1.0", "67%", "1.0.0", "33%"), shares, "today's share per version");

    run(() -> model.compareProperty().set(true));
    List<TimeSeries> compared = call(() -> model.activeSeriesBinding().get());
    assertEquals(6, compared.size());
    assertTrue(compared.subList(3, 6).stream().allMatch(TimeSeries::faint), "the previous period, faint");
    assertEquals(DayRange.lastDays(30, LocalDate.now()).from(), compared.get(3).points().get(0).day(),
        "the previous period is drawn over the range's days");

    run(() -> model.daysProperty().set(7)); // a new range loads at once
    assertEquals(3, model.loads());
    assertEquals(7, call(() -> model.activeSeriesBinding().get()).get(0).points().size());
    run(() -> model.daysProperty().set(365)); // more than one call's worth of days, in pieces
    assertEquals(365, call(() -> model.activeSeriesBinding().get()).get(0).points().size());
    assertEquals(365, call(() -> model.activeSeriesBinding().get()).get(3).points().size(), "and the year before");

    assertFalse(call(() -> model.showRange(LocalDate.now(), LocalDate.now().minusDays(1))));
    assertTrue(call(() -> model.rangeProblemProperty().get()).contains("starts after"));
    assertEquals(365, call(() -> model.daysProperty().get()), "a refused range changes nothing");
    run(() -> model.showRange(LocalDate.now().minusDays(2), LocalDate.now()));
    assertEquals(0, call(() -> model.daysProperty().get()), "a custom range");
    assertEquals("", call(() -> model.rangeProblemProperty().get()));
    assertEquals(3, call(() -> model.activeSeriesBinding().get()).get(0).points().size());

    run(() -> ctx.setCurrentApp(null));
    run(model::load);
    assertEquals(UsageSummary.EMPTY, call(() -> model.dataProperty().get().summary()), "no app: nothing shown");
    assertEquals(List.of(), call(() -> model.dataProperty().get().active()));
  }
}
