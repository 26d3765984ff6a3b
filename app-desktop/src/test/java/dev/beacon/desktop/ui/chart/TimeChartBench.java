package dev.beacon.desktop.ui.chart;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.theme.ThemeManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;

/**
 * How long a year of DAU/WAU/MAU (365 points x 3 series, and with the previous year's 3 faint
 * series) takes from the model's series to a laid-out chart and to a drawn frame (a snapshot, the
 * software renderer under Monocle). Prints the times; runs only when asked:
 *
 * <pre>
 * mvn -q -pl app-desktop -am test -Dtest=TimeChartBench -Dsurefire.failIfNoSpecifiedTests=false -Dbeacon.bench.chart=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "beacon.bench.chart", matches = "true")
class TimeChartBench {
  private static final int WARMUP = 30;
  private static final int RUNS = 60;

  private static List<TimeSeries> year(LocalDate to, boolean compare) {
    List<TimeSeries> out = new ArrayList<>();
    String[] names = {"DAU", "WAU", "MAU"};
    for (int s = 0; s < (compare ? 6 : 3); s++) {
      List<TimeSeries.Point> points = new ArrayList<>(365);
      for (int i = 0; i < 365; i++) {
        double base = 1_000_000.0 * (s % 3 + 1) / 3;
        points.add(new TimeSeries.Point(to.minusDays(364 - i), base * (0.6 + 0.4 * Math.sin(i / 9.0 + s))));
      }
      out.add(new TimeSeries(names[s % 3] + (s >= 3 ? ", previous period" : ""), s % 3, s >= 3, "", points));
    }
    return out;
  }

  @Test
  void modelToChart() throws Exception {
    Fx.startToolkit();
    TimeChart chart = Fx.call(() -> new TimeChart("bench", "Active machines", TimeChart.Kind.LINES));
    FxToolkit.setupStage(stage -> {
      Scene scene = new Scene(new StackPane(chart), 1280, 420);
      ThemeManager.apply(scene);
      stage.setScene(scene);
      stage.show();
    });
    LocalDate to = LocalDate.now();
    for (boolean compare : List.of(false, true)) {
      List<TimeSeries> a = year(to, compare);
      List<TimeSeries> b = year(to.minusDays(1), compare);
      long[] layout = new long[RUNS];
      long[] frame = new long[RUNS];
      for (int i = 0; i < WARMUP + RUNS; i++) {
        List<TimeSeries> series = i % 2 == 0 ? a : b;
        LocalDate end = i % 2 == 0 ? to : to.minusDays(1);
        long[] t = Fx.call(() -> {
          long start = System.nanoTime();
          chart.setSeries(end.minusDays(364), end, series);
          chart.applyCss();
          chart.layout();
          long laidOut = System.nanoTime();
          chart.snapshot(null, null);
          return new long[] {laidOut - start, System.nanoTime() - start};
        });
        if (i >= WARMUP) {
          layout[i - WARMUP] = t[0];
          frame[i - WARMUP] = t[1];
        }
      }
      System.out.printf("TimeChartBench: %d series x 365 points: model to laid-out chart median %.1f ms, p95 %.1f ms;"
          + " with a drawn frame median %.1f ms, p95 %.1f ms%n", a.size(), ms(layout, 50), ms(layout, 95), ms(frame, 50),
          ms(frame, 95));
    }
    FxToolkit.cleanupStages();
  }

  private static double ms(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
  }
}
