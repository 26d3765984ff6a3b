package dev.beacon.desktop.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.TempDirs;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveServer;
import dev.beacon.desktop.support.ScreenStage;
import dev.beacon.desktop.support.Stages;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.chart.TimeChart;
import dev.beacon.desktop.ui.chart.TimeSeries;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Overview against a real server whose clock is set back to send heartbeats on chosen days
 * (then runs on the real time): the time axis, hover, legend, shares, tiles, custom range,
 * comparison, exports and the app list's refresh.
 *
 * <p>The history: machines 1-4 on version 1.0.0 ten days ago; machines 6-11 on six 3.x versions
 * three days ago; machines 1-3 on 1.1.0, 4 on 1.0.0 and 5 on 2.0.0 two days ago; machine 3
 * yesterday; machines 1 and 2 on 1.1.0 today.
 */
class OverviewScreenTest {
  private static final ServerClock CLOCK = new ServerClock();
  private static final LocalDate TODAY = LocalDate.now();
  private static LiveServer server;
  private static BeaconClient admin;
  private static ConsoleContext ctx;
  private static OverviewScreen screen;
  private static String appId;
  private static String appKey;
  private static Path exports;
  private final FxRobot robot = new FxRobot();

  @BeforeAll
  static void start() throws Exception {
    Fx.startToolkit();
    server = LiveServer.start(c -> c.clock(CLOCK));
    exports = TempDirs.create("beacon-overview-export-");
    ctx = server.context();
    admin = ctx.client();
    JsonObject app = admin.post(admin.userPath("app"), new JsonObject().put("name", "Pulse").put("platform", 3))
        .getJsonObject("app");
    appId = app.getString("appId");
    appKey = app.getString("appKey");
    beat(TODAY.minusDays(10), "1.0.0", "m1", "m2", "m3", "m4");
    for (int i = 0; i < 6; i++) {
      beat(TODAY.minusDays(3), "3." + i + ".0", "m" + (6 + i));
    }
    beat(TODAY.minusDays(2), "1.1.0", "m1", "m2", "m3");
    beat(TODAY.minusDays(2), "1.0.0", "m4");
    beat(TODAY.minusDays(2), "2.0.0", "m5");
    beat(TODAY.minusDays(1), "1.1.0", "m3");
    CLOCK.real();
    beat(null, "1.1.0", "m1", "m2");

    screen = new OverviewScreen(ctx);
    ScreenStage.show(screen);
    Fx.waitUntil(30, () -> ctx.currentAppProperty().get() != null && screen.model().loads() > 0
        && !screen.model().busyProperty().get());
  }

  /** Heartbeats at noon of {@code day} (null: now) from {@code machines} on {@code version}. */
  private static void beat(LocalDate day, String version, String... machines) throws Exception {
    if (day != null) {
      CLOCK.set(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }
    for (String m : machines) {
      server.anonymous().post("api/v1/user/heartbeat", new JsonObject().put("app_key", appKey)
          .put("machine_id", m).put("version", version));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    FxToolkit.cleanupStages();
    server.close();
    TempDirs.delete(exports);
  }

  private void range(int days) throws Exception {
    if (Fx.call(() -> screen.model().daysProperty().get()) != days) {
      long before = Fx.call(() -> screen.model().loads());
      robot.clickOn("#range-" + days);
      Fx.waitUntil(30, () -> screen.model().loads() > before && !screen.model().busyProperty().get());
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Scrolls the screen so that {@code node} is in view. */
  private static void scrollTo(Node node) throws Exception {
    Fx.run(() -> {
      javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) screen.activeChart().getScene()
          .lookup(".scroll-pane");
      Node content = scroll.getContent();
      double y = content.sceneToLocal(node.localToScene(node.getLayoutBounds())).getMaxY();
      double view = scroll.getViewportBounds().getHeight();
      double span = content.getLayoutBounds().getHeight() - view;
      scroll.setVvalue(span <= 0 ? 0 : Math.max(0, Math.min(1, (y - view + 8) / span)));
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static TimeChart active() {
    return screen.activeChart();
  }

  /** The time axis's labels drawn now, each checked to lie flat. */
  private static List<String> shownLabels(TimeChart chart) throws Exception {
    return Fx.call(() -> {
      chart.layout();
      List<Text> texts = chart.timeAxis().getChildrenUnmodifiable().stream()
          .filter(n -> n instanceof Text t && t.isVisible() && !t.getText().isEmpty()).map(n -> (Text) n).toList();
      texts.forEach(t -> assertEquals(0.0, t.getRotate(), "label " + t.getText() + " is horizontal"));
      return texts.stream().map(Text::getText).toList();
    });
  }

  @Test
  void theRangeButtonsChangeTheAxisTicks() throws Exception {
    range(365);
    List<String> year = shownLabels(active());
    assertTrue(year.size() <= 14 && year.size() >= 6, "a year ticks by month: " + year);
    assertEquals("MONTH", Fx.call(() -> active().timeAxis().step().name()));
    assertEquals(TODAY.minusDays(364), Fx.call(() -> active().timeAxis().from()));
    range(7);
    List<String> week = shownLabels(active());
    assertEquals(7, week.size(), "a week ticks by day: " + week);
    range(30);
  }

  @Test
  void hoveringADayShowsItsFiguresFromTheApi() throws Exception {
    range(30);
    LocalDate day = TODAY.minusDays(2);
    scrollTo(active());
    robot.moveTo(Fx.call(() -> active().screenPointOf(day)));
    Stages.await("the hover on " + day, () -> day.equals(active().hoveredProperty().get()),
        () -> "hovered " + active().hoveredProperty().get());
    JsonObject api = admin.get(admin.userPath("app/" + appId + "/stats/active"),
        Map.of("from", day.toString(), "to", day.toString())).getJsonArray("series").getJsonObject(0);
    assertEquals(List.of(5L, 11L, 11L), List.of(api.getLong("dau"), api.getLong("wau"), api.getLong("mau")),
        "the history landed");
    String text = Fx.call(() -> active().hoverTextProperty().get());
    for (String figure : List.of("dau", "wau", "mau")) {
      assertTrue(text.contains(figure.toUpperCase() + ": " + api.getLong(figure)), text);
    }
    assertTrue(Fx.call(() -> robot.lookup("#activeChart-hover").query().isVisible()), "the value box is shown");

    robot.moveTo(Fx.call(() -> active().screenPointOf(TODAY)));
    Stages.await("the hover on today", () -> TODAY.equals(active().hoveredProperty().get()), () -> "");
    assertTrue(Fx.call(() -> active().hoverTextProperty().get()).contains("DAU: 2"));
  }

  @Test
  void theLegendHidesAndShowsASeries() throws Exception {
    range(30);
    Node wau = Fx.call(() -> robot.lookup("#activeChart .time-chart-legend-item").queryAll().stream()
        .filter(n -> ((Label) n).getText().equals("WAU")).findFirst().orElseThrow());
    scrollTo(wau);
    robot.clickOn(wau);
    Stages.await("WAU hidden", () -> !active().isShown("WAU"), () -> "shown");
    Fx.run(() -> active().hover(TODAY));
    assertFalse(Fx.call(() -> active().hoverTextProperty().get()).contains("WAU"), "a hidden series is not in the box");
    assertTrue(Fx.call(() -> active().isShown("DAU")));
    robot.clickOn(wau);
    Stages.await("WAU shown again", () -> active().isShown("WAU"), () -> "hidden");
  }

  @Test
  void adoptionSharesSumToAHundredWithTheTopVersionsAndOther() throws Exception {
    range(30);
    TimeChart chart = screen.adoptionChart();
    List<TimeSeries> series = Fx.call(chart::series);
    assertEquals(List.of("1.1.0", "1.0.0", "2.0.0", "3.0.0", "3.1.0", "other"),
        series.stream().map(TimeSeries::name).toList(), "today's version first, then by machine-days; the rest as other");
    for (LocalDate d : List.of(TODAY.minusDays(10), TODAY.minusDays(3), TODAY.minusDays(2), TODAY)) {
      assertEquals(100.0, series.stream().mapToDouble(s -> s.valueOn(d)).sum(), 1e-9, "the shares of " + d);
    }
    assertEquals(400.0 / 6, series.get(5).valueOn(TODAY.minusDays(3)), 1e-9, "3.2.0 to 3.5.0 are other");
    assertEquals(List.of("1.1.0  100%", "1.0.0  0%", "2.0.0  0%", "3.0.0  0%", "3.1.0  0%", "other  0%"),
        Fx.call(chart::legendTexts), "names and current shares");
    Fx.run(() -> chart.hover(TODAY.minusDays(2)));
    assertTrue(Fx.call(() -> chart.hoverTextProperty().get()).contains("1.1.0: 60.0%"),
        Fx.call(() -> chart.hoverTextProperty().get()));
  }

  @Test
  void tilesShowTheChangeAgainstThePreviousPeriod() throws Exception {
    range(30);
    assertEquals("11", Fx.call(() -> robot.lookup("#tile-wau").queryAs(Label.class).getText()));
    assertEquals("+175% vs the week before", Fx.call(() -> robot.lookup("#tile-wau-change").queryAs(Label.class).getText()),
        "11 machines this week against 4 the week before");
    assertEquals("2", Fx.call(() -> robot.lookup("#tile-dau").queryAs(Label.class).getText()));
    assertEquals("+100% vs the day before", Fx.call(() -> robot.lookup("#tile-dau-change").queryAs(Label.class).getText()));
    assertEquals("11", Fx.call(() -> robot.lookup("#tile-new").queryAs(Label.class).getText()));
    assertEquals(30, Fx.call(() -> robot.lookup("#tile-wau-trend").queryAs(dev.beacon.desktop.ui.chart.Sparkline.class)
        .values().size()), "a trend point per day");
  }

  @Test
  void aCustomRangeIsValidated() throws Exception {
    range(30);
    robot.clickOn("#range-custom");
    DatePicker from = robot.lookup("#range-from").queryAs(DatePicker.class);
    DatePicker to = robot.lookup("#range-to").queryAs(DatePicker.class);
    Label why = robot.lookup("#range-problem").queryAs(Label.class);
    Fx.run(() -> {
      from.setValue(TODAY.minusDays(2));
      to.setValue(TODAY.minusDays(5));
    });
    robot.clickOn("#range-show");
    Stages.await("the refusal", () -> why.getText().contains("starts after it ends"), why::getText);
    assertEquals(30, Fx.call(() -> screen.model().rangeProperty().get().length()), "the range did not change");

    Fx.run(() -> {
      from.setValue(TODAY.minusDays(2));
      to.setValue(TODAY.plusDays(3));
    });
    robot.clickOn("#range-show");
    Stages.await("the refusal", () -> why.getText().contains("future"), why::getText);

    Fx.run(() -> {
      from.setValue(TODAY.minusDays(9));
      to.setValue(TODAY.minusDays(2));
    });
    long before = Fx.call(() -> screen.model().loads());
    robot.clickOn("#range-show");
    Fx.waitUntil(30, () -> screen.model().loads() > before && !screen.model().busyProperty().get());
    assertEquals("", Fx.call(why::getText));
    assertEquals(TODAY.minusDays(9), Fx.call(() -> active().timeAxis().from()));
    assertEquals(TODAY.minusDays(2), Fx.call(() -> active().timeAxis().to()));
    assertEquals(8, Fx.call(() -> active().series().get(0).points().size()));
    range(30);
  }

  @Test
  void compareAddsTheFaintPreviousPeriod() throws Exception {
    range(30);
    robot.clickOn("#compare");
    Stages.await("the previous period", () -> active().series().size() == 6, () -> active().series().toString());
    List<TimeSeries> all = Fx.call(active()::series);
    assertEquals(3, all.stream().filter(TimeSeries::faint).count());
    assertTrue(Fx.call(active()::legendTexts).contains("previous period"));
    Fx.run(() -> active().hover(TODAY.minusDays(20)));
    assertTrue(Fx.call(() -> active().hoverTextProperty().get()).contains("WAU, previous period: 0"));
    robot.clickOn("#compare");
    Stages.await("no previous period", () -> active().series().size() == 3, () -> "");
  }

  @Test
  void exportsThePngOfTheChartAndTheApisCsv() throws Exception {
    range(30);
    screen.setSaveDialog(fc -> exports.resolve(fc.getInitialFileName()).toFile());
    robot.clickOn("#export-active-png");
    Path png = exports.resolve("active-machines.png");
    Stages.await("the PNG", () -> screen.model().noticeProperty().get().equals("Saved active-machines.png"),
        () -> screen.model().noticeProperty().get() + " / " + screen.model().problemProperty().get());
    BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    double w = Fx.call(() -> active().getWidth());
    double h = Fx.call(() -> active().getHeight());
    assertEquals(Math.ceil(w), image.getWidth(), 1.0, "the chart's width");
    assertEquals(Math.ceil(h), image.getHeight(), 1.0, "the chart's height");
    long distinct = java.util.stream.IntStream.range(0, image.getWidth()).map(x -> image.getRGB(x, image.getHeight() / 2))
        .distinct().count();
    assertTrue(distinct > 3, "a drawn chart, not a blank picture");

    robot.clickOn("#export-csv");
    Stages.await("the CSV", () -> screen.model().noticeProperty().get().equals("Saved active-machines.csv"),
        () -> screen.model().noticeProperty().get() + " / " + screen.model().problemProperty().get());
    String expected = admin.text(admin.userPath("app/" + appId + "/stats/active"),
        Map.of("from", TODAY.minusDays(29).toString(), "to", TODAY.toString(), "format", "csv"));
    assertEquals(expected, Files.readString(exports.resolve("active-machines.csv"), StandardCharsets.UTF_8));
    assertTrue(expected.lines().count() == 31, "a header and a row per day");
  }

  @Test
  void anAppCreatedElsewhereAppearsAfterTheRefresh() throws Exception {
    admin.post(admin.userPath("app"), new JsonObject().put("name", "Made by a script").put("platform", 3));
    Fx.run(screen::refresh); // what the minute's refresh does
    Stages.await("the new app in the list", () -> screen.picker().getItems().stream()
        .anyMatch(a -> a.name().equals("Made by a script")), () -> screen.picker().getItems().toString());
    assertEquals(appId, Fx.call(() -> ctx.currentAppProperty().get().appId()), "the current app stays");
  }
}
