package dev.beacon.desktop.overview;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveServer;
import dev.beacon.desktop.theme.ThemeManager;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.chart.ChartExport;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;

/**
 * Writes the README's Overview screenshots at 1440x900: a year of heartbeats from 120 machines
 * (joining over the year, upgrading after each release), sent on their days by setting the test
 * server's clock, then the Overview at 30 days and at a year, light and dark. Runs only when asked:
 *
 * <pre>
 * mvn -q -pl app-desktop -am test -Dtest=OverviewScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbeacon.overview.screenshots=$PWD/docs/screenshots -Dheadless.geometry=1440x900
 * </pre>
 */
@EnabledIfSystemProperty(named = "beacon.overview.screenshots", matches = ".+")
class OverviewScreenshots {
  private static final int WIDTH = 1440;
  private static final int HEIGHT = 900;
  private static final int MACHINES = 120;
  /** Releases: the day (days before today) each version came out. */
  private static final List<Object[]> RELEASES = List.of(new Object[] {400, "1.0.0"}, new Object[] {280, "1.1.0"},
      new Object[] {190, "1.2.0"}, new Object[] {120, "1.3.0"}, new Object[] {70, "2.0.0"}, new Object[] {35, "2.1.0"},
      new Object[] {12, "2.1.1"});

  @Test
  void writeThem() throws Exception {
    Path out = Path.of(System.getProperty("beacon.overview.screenshots"));
    Files.createDirectories(out);
    ServerClock clock = new ServerClock();
    try (LiveServer server = LiveServer.start(c -> c.clock(clock).clientRatePerIp(0).clientRatePerKey(0))) {
      Fx.startToolkit();
      ConsoleContext ctx = server.context();
      BeaconClient admin = ctx.client();
      JsonObject app = admin.post(admin.userPath("app"), new JsonObject().put("name", "Acme Desktop").put("platform", 3))
          .getJsonObject("app");
      seed(server, clock, app.getString("appKey"));
      clock.real();

      OverviewScreen screen = new OverviewScreen(ctx);
      StackPane root = new StackPane();
      FxToolkit.setupStage(stage -> {
        root.getChildren().setAll(screen.view());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        ThemeManager.apply(scene, false);
        stage.setScene(scene);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        stage.show();
      });
      Fx.run(screen::shown);
      Fx.waitUntil(60, () -> ctx.currentAppProperty().get() != null && screen.model().loads() > 0
          && !screen.model().busyProperty().get());
      for (boolean dark : List.of(false, true)) {
        Fx.run(() -> ThemeManager.apply(root.getScene(), dark));
        for (int days : List.of(30, 365)) {
          long before = Fx.call(() -> screen.model().loads());
          Fx.run(() -> {
            screen.model().compareProperty().set(days == 30);
            screen.model().daysProperty().set(days == 30 ? 90 : 30); // a fresh load even when the range is already shown
            screen.model().daysProperty().set(days);
          });
          Fx.waitUntil(60, () -> screen.model().loads() >= before + 2 && !screen.model().busyProperty().get());
          LocalDate hover = LocalDate.now().minusDays(days == 30 ? 9 : 120);
          Fx.run(() -> {
            root.applyCss();
            root.layout();
            screen.activeChart().hover(hover);
          });
          Thread.sleep(500);
          WritableImage img = Fx.call(() -> root.getScene().snapshot(null));
          String name = "overview" + (days == 365 ? "-year" : "") + (dark ? "-dark" : "") + ".png";
          ChartExport.writePng(img, out.resolve(name));
          System.out.println("OverviewScreenshots: wrote " + out.resolve(name) + " (" + (int) img.getWidth() + "x"
              + (int) img.getHeight() + ")");
        }
      }
      FxToolkit.cleanupStages();
    }
  }

  /** A year and a month of heartbeats: machines join over time, each active on about half its days, upgrading some days after a release. */
  private static void seed(LiveServer server, ServerClock clock, String appKey) throws Exception {
    Random random = new Random(42);
    int[] joined = IntStream.range(0, MACHINES).map(i -> 400 - (int) (400 * Math.pow(random.nextDouble(), 0.7))).toArray();
    double[] activity = IntStream.range(0, MACHINES).mapToDouble(i -> 0.25 + 0.7 * random.nextDouble()).toArray();
    int[] lag = IntStream.range(0, MACHINES).map(i -> random.nextInt(25)).toArray();
    BeaconClient anonymous = server.anonymous();
    LocalDate today = LocalDate.now();
    for (int ago = 400; ago >= 0; ago--) {
      LocalDate day = today.minusDays(ago);
      boolean weekend = day.getDayOfWeek().getValue() >= 6;
      List<Integer> active = new ArrayList<>();
      for (int m = 0; m < MACHINES; m++) {
        if (joined[m] >= ago && random.nextDouble() < activity[m] * (weekend ? 0.45 : 1.0)) {
          active.add(m);
        }
      }
      clock.set(ago == 0 ? java.time.Instant.now() : day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
      final int daysAgo = ago;
      active.parallelStream().forEach(m -> {
        try {
          anonymous.post("api/v1/user/heartbeat", new JsonObject().put("app_key", appKey)
              .put("machine_id", "machine-" + m).put("version", version(daysAgo + lag[m])));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  /** The newest version released on or before {@code ago} days before today. */
  private static String version(int ago) {
    String v = (String) RELEASES.get(0)[1];
    for (Object[] r : RELEASES) {
      if ((Integer) r[0] >= ago) {
        v = (String) r[1];
      }
    }
    return v;
  }
}
