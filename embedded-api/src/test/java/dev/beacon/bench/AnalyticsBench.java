package dev.beacon.bench;

import dev.beacon.api.Beacon;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Ids;
import dev.beacon.api.telemetry.TelemetryFeature;
import dev.beacon.api.telemetry.UsageLoad;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.roaringbitmap.RoaringBitmap;

/**
 * Usage analytics benchmark, on the real server on loopback with a temp data folder:
 *
 * <ol>
 *   <li>ingest: {@code GET /health} (a constant answer) and {@code POST /api/v1/user/heartbeat}
 *       (group-committed, answered once durable) side by side in one run, in alternating rounds,
 *       heartbeats from new machine ids and from a fleet of known ones, through {@link LoadDriver}
 *       at several connection counts: req/s, their ratio, p50/p99;
 *   <li>a data set of {@code bench.machines} machines (default 1,000,000) over {@code bench.days}
 *       days (default 100) loaded through the server's own storage code ({@link UsageLoad}: the
 *       ingest's writes and the closing of old days), with a stable core and churning machines;
 *   <li>the 90-day active series over HTTP, {@code bench.queries} times (default 50): the first
 *       (cold) answer, then median and p90; the data size on disk and the heap used.
 * </ol>
 *
 * <pre>
 * mvn -q -pl embedded-api test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.beacon.bench.AnalyticsBench
 * </pre>
 *
 * Other tunables: {@code bench.connections} (a list, "32,256"), {@code bench.seconds} per
 * measured run (10), {@code bench.warmupSeconds} per route (10), {@code bench.rounds} (3),
 * {@code bench.fleet} (20,000 known machines).
 */
public final class AnalyticsBench {
  /** Share of the machines that are the stable core: active most days from the first to the last. */
  static final double CORE = 0.2;
  static final double CORE_DAILY = 0.8;
  /** Churning machines: arrive on a random day, stay 1-40 days, active on a share of them. */
  static final int CHURN_MAX_DAYS = 40;
  static final double CHURN_DAILY = 0.5;
  static final int LOAD_BATCH = 10_000;
  /** Days that stay open (in memory, not yet a bitmap): today and the two before, as in the server. */
  static final int OPEN_DAYS = 3;

  private AnalyticsBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> connections = Arrays.stream(System.getProperty("bench.connections", "32,256").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    Duration time = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 10));
    int rounds = Integer.getInteger("bench.rounds", 3);
    int machines = Integer.getInteger("bench.machines", 1_000_000);
    int days = Integer.getInteger("bench.days", 100);
    int queries = Integer.getInteger("bench.queries", 50);

    Path data = Files.createTempDirectory("beacon-analytics-bench-");
    String password = Ids.randomHex(12);
    BeaconServer server = Beacon.startBlocking(Config.defaults().host("127.0.0.1").port(0).dataDir(data)
        .adminAccount("bench-admin").adminPassword(password).quiet(true).clientRatePerIp(0).clientRatePerKey(0));
    try {
      String base = "http://127.0.0.1:" + server.port();
      System.out.println(IngestBench.machine());
      ingest(server, base, password, connections, time, warmup, rounds);
      IngestBench.App app = IngestBench.createApp(base, "bench-admin", password);
      load(server, app, machines, days);
      query(base, app, queries, data);
      long stopping = System.nanoTime();
      server.stopBlocking();
      server = null;
      System.out.printf(Locale.ROOT, "database on disk after a clean stop: %.1f MiB (the stop took %.1f s)%n", diskBytes(data) / 1048576.0,
          (System.nanoTime() - stopping) / 1e9);
      try (var c = java.sql.DriverManager.getConnection(
          "jdbc:h2:file:" + data.resolve("db").resolve("beacon").toString().replace('\\', '/'), "", "")) {
        c.createStatement().execute("SHUTDOWN COMPACT");
      }
      System.out.printf(Locale.ROOT, "database on disk after SHUTDOWN COMPACT (the data itself, without H2's free pages): %.1f MiB%n",
          diskBytes(data) / 1048576.0);
    } finally {
      if (server != null) {
        server.stopBlocking();
      }
      IngestBench.deleteTree(data);
    }
  }

  /**
   * The constant route and the two kinds of heartbeat, in alternating rounds so that all three see
   * the same machine (a virtual machine's speed drifts by tens of percent within minutes), after a
   * warm-up of each long enough for the JIT; for each number of connections, the median of the
   * rounds. Many connections is what a fleet looks like (every machine its own client); few show
   * the price of answering only after the commit: a closed loop of c connections can go no faster
   * than c answers per commit time.
   */
  private static void ingest(BeaconServer server, String base, String password, List<Integer> connectionCounts, Duration time,
      Duration warmup, int rounds) throws Exception {
    IngestBench.App app = IngestBench.createApp(base, "bench-admin", password);
    int fleet = Integer.getInteger("bench.fleet", 20_000);
    long[] offset = {0};
    LoadDriver.Target health = LoadDriver.Target.get("GET /health", "/health");
    // every request a machine id not seen before (the offset moves on after each run)
    LoadDriver.Target fresh = LoadDriver.Target.postJson("heartbeat, new machines", "/api/v1/user/heartbeat",
        i -> new JsonObject().put("app_key", app.key()).put("machine_id", "machine-" + (offset[0] + i))
            .put("version", "3." + (i % 5)).encode());
    // the steady state: a fleet of known machines sending their periodic heartbeats
    LoadDriver.Target known = LoadDriver.Target.postJson("heartbeat, fleet of " + fleet, "/api/v1/user/heartbeat",
        i -> new JsonObject().put("app_key", app.key()).put("machine_id", "fleet-" + (i % fleet))
            .put("version", "3." + (i % 5)).encode());
    List<String> summary = new ArrayList<>();
    for (int connections : connectionCounts) {
      System.out.printf(Locale.ROOT, "%n== ingest, %d connections: %d rounds of %d s per route after %d s of warm-up each%n",
          connections, rounds, time.toSeconds(), warmup.toSeconds());
      LoadDriver.Limits warm = new LoadDriver.Limits(connections, MAX_RUN_REQUESTS, warmup);
      LoadDriver.Limits measured = new LoadDriver.Limits(connections, MAX_RUN_REQUESTS, time);
      try (LoadDriver driver = new LoadDriver("127.0.0.1", server.port(), connections)) {
        driver.run(health, warm);
        offset[0] += driver.run(fresh, warm).requests();
        driver.run(known, new LoadDriver.Limits(connections, Math.max(fleet, 1), warmup.plus(time))); // the fleet known from now on
        List<LoadDriver.Result> constant = new ArrayList<>();
        List<LoadDriver.Result> created = new ArrayList<>();
        List<LoadDriver.Result> steady = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          constant.add(IngestBench.print(driver.run(health, measured)));
          LoadDriver.Result n = IngestBench.print(driver.run(fresh, measured));
          offset[0] += n.requests();
          created.add(n);
          steady.add(IngestBench.print(driver.run(known, measured)));
        }
        LoadDriver.Result c = median(constant);
        LoadDriver.Result n = median(created);
        LoadDriver.Result k = median(steady);
        String line = String.format(Locale.ROOT, "%d connections: GET /health %,.0f req/s (p50 %.2f / p99 %.2f ms); "
            + "new machines %,.0f req/s (p50 %.2f / p99 %.2f ms) = %.1f%%; fleet %,.0f req/s (p50 %.2f / p99 %.2f ms) = %.1f%%",
            connections, c.perSecond(), c.p50Millis(), c.p99Millis(), n.perSecond(), n.p50Millis(), n.p99Millis(),
            100 * n.perSecond() / c.perSecond(), k.perSecond(), k.p50Millis(), k.p99Millis(), 100 * k.perSecond() / c.perSecond());
        System.out.println("median of the rounds: " + line);
        summary.add(line);
      }
    }
    System.out.printf(Locale.ROOT, "%n== ingest summary (medians; %% = share of the constant route's rate)%n");
    summary.forEach(System.out::println);
    JsonObject stats = IngestBench.get(base + "/v1/user/" + app.openId() + "/app/" + app.appId() + "/stats/summary", app);
    System.out.printf(Locale.ROOT, "stored: %d distinct machines (every acknowledged new machine plus the fleet)%n",
        stats.getLong("totalMachines"));
  }

  /** Ends a run by count only if it is far faster than anything seen here (the driver keeps a latency per request). */
  private static final int MAX_RUN_REQUESTS = 2_000_000;

  /** The run with the median rate. */
  private static LoadDriver.Result median(List<LoadDriver.Result> runs) {
    List<LoadDriver.Result> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(LoadDriver.Result::perSecond)).toList();
    return sorted.get(sorted.size() / 2);
  }

  /** A stable core and churning machines; machine m is active on day d when {@link #active} says so. */
  private static void load(BeaconServer server, IngestBench.App app, int machines, int days) throws Exception {
    System.out.printf(Locale.ROOT, "%n== data set: %,d machines over %d days, loaded through the storage code%n", machines, days);
    int[] start = new int[machines];
    int[] end = new int[machines];
    java.util.SplittableRandom random = new java.util.SplittableRandom(6);
    for (int m = 0; m < machines; m++) {
      if (m < machines * CORE) {
        start[m] = random.nextInt(Math.max(1, days / 10));
        end[m] = days;
      } else {
        start[m] = random.nextInt(days);
        end[m] = Math.min(days, start[m] + 1 + random.nextInt(CHURN_MAX_DAYS));
      }
    }
    UsageLoad load = server.feature(TelemetryFeature.class).load();
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, Dates.zone());
    LocalDate first = today.minusDays(days - 1L);
    int[] ordinal = new int[machines];
    long machineDays = 0;
    long throughIngest = 0;
    long began = System.nanoTime();
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      Instant at = day.atTime(12, 0).atZone(Dates.zone()).toInstant();
      if (at.isAfter(now)) {
        at = now.minusSeconds(60);
      }
      boolean open = d >= days - OPEN_DAYS;
      Batch beats = new Batch(load, app.key(), at, ordinal);
      RoaringBitmap closed = new RoaringBitmap();
      Map<String, Integer> closedVersions = new HashMap<>();
      for (int m = 0; m < machines; m++) {
        if (!active(m, d, start, end)) {
          continue;
        }
        machineDays++;
        String version = "4." + Math.min(9, (d + m % 7) / 12);
        if (open || d == start[m]) {
          beats.add(m, version);
          throughIngest++;
        } else {
          closed.add(ordinal[m]);
          closedVersions.merge(version, 1, Integer::sum);
        }
      }
      beats.flush();
      if (!closed.isEmpty()) {
        load.closedDay(app.appId(), day, closed, closedVersions);
      }
      // close days as the server's hourly job would have: the day before yesterday and older
      load.closeDays(at);
      if ((d + 1) % 10 == 0) {
        double s = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "  %3d days, %,d machine-days (%,d of them as heartbeats) in %.0f s%n", d + 1, machineDays,
            throughIngest, s);
      }
    }
    load.closeDays(now);
    double s = (System.nanoTime() - began) / 1e9;
    System.out.printf(Locale.ROOT, "loaded %,d machine-days in %.0f s: %,d as heartbeats through the ingest's storage code (every "
        + "machine's first day, and the last %d days, which stay open, in memory), the other days' machines written as closing a day "
        + "writes them (bitmap and version counts)%n", machineDays, s, throughIngest, OPEN_DAYS);
  }

  private static long diskBytes(Path data) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(data.resolve("db"))) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Heartbeats of one day, sent in batches of {@value #LOAD_BATCH}; notes each machine's ordinal. */
  private static final class Batch {
    private final UsageLoad load;
    private final String key;
    private final Instant at;
    private final int[] ordinal;
    private final List<Integer> machines = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<String> versions = new ArrayList<>();

    Batch(UsageLoad load, String key, Instant at, int[] ordinal) {
      this.load = load;
      this.key = key;
      this.at = at;
      this.ordinal = ordinal;
    }

    void add(int m, String version) throws Exception {
      machines.add(m);
      ids.add("machine-" + m);
      versions.add(version);
      if (ids.size() == LOAD_BATCH) {
        flush();
      }
    }

    void flush() throws Exception {
      if (ids.isEmpty()) {
        return;
      }
      int[] stored = load.heartbeats(key, ids, versions, at);
      for (int i = 0; i < stored.length; i++) {
        ordinal[machines.get(i)] = stored[i];
      }
      machines.clear();
      ids.clear();
      versions.clear();
    }
  }

  /** Whether machine m is active on day d: always on its first day, then by a fixed pseudo-random draw. */
  static boolean active(int m, int d, int[] start, int[] end) {
    if (d < start[m] || d >= end[m]) {
      return false;
    }
    if (d == start[m]) {
      return true;
    }
    long h = (m * 0x9E3779B97F4A7C15L) ^ (d * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    double draw = (h >>> 11) / (double) (1L << 53);
    return draw < (m < start.length * CORE ? CORE_DAILY : CHURN_DAILY);
  }

  private static void query(String base, IngestBench.App app, int queries, Path data) throws Exception {
    LocalDate today = LocalDate.now(Dates.zone());
    String path = base + "/v1/user/" + app.openId() + "/app/" + app.appId() + "/stats/active?from=" + today.minusDays(89) + "&to=" + today;
    System.out.printf(Locale.ROOT, "%n== query: the 90-day active series over HTTP, %d times%n", queries);
    long t0 = System.nanoTime();
    JsonObject first = IngestBench.get(path, app);
    double cold = (System.nanoTime() - t0) / 1e6;
    double[] ms = new double[queries];
    for (int i = 0; i < queries; i++) {
      long t = System.nanoTime();
      IngestBench.get(path, app);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    JsonArray series = first.getJsonArray("series");
    JsonObject last = series.getJsonObject(series.size() - 1);
    long sumDau = series.stream().mapToLong(o -> ((JsonObject) o).getLong("dau")).sum();
    System.out.printf(Locale.ROOT, "first (cold cache) %.1f ms; then median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n",
        cold, ms[queries / 2], ms[(int) (queries * 0.9)], ms[0], ms[queries - 1]);
    System.out.printf(Locale.ROOT, "today: dau %,d  wau %,d  mau %,d; %,d machine-days in the 90 days shown%n",
        last.getLong("dau"), last.getLong("wau"), last.getLong("mau"), sumDau);
    JsonObject summary = IngestBench.get(base + "/v1/user/" + app.openId() + "/app/" + app.appId() + "/stats/summary", app);
    System.out.printf(Locale.ROOT, "summary: %s%n", summary.encode());
    long bytes = diskBytes(data);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(Locale.ROOT, "database on disk while running: %.1f MiB; heap used after GC: %d MiB (max %d MiB)%n",
        bytes / 1048576.0, (rt.totalMemory() - rt.freeMemory()) / 1048576, rt.maxMemory() / 1048576);
  }
}
