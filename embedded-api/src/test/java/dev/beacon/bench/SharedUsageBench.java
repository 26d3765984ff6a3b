package dev.beacon.bench;

import dev.beacon.api.Beacon;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.Ids;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Heartbeat ingest with 1, 2 and 3 Beacons on one PostgreSQL (the shared heartbeat log), each count
 * on a fresh database: {@code GET /health} on the first (the constant floor), then
 * {@code POST /api/v1/user/heartbeat} from new machine ids spread round-robin over the instances
 * (one {@link LoadDriver} per instance, the connections split between them, all at once), then a
 * check that every instance answers the same DAU, equal to the heartbeats acknowledged.
 *
 * <pre>
 * mvn -q -pl embedded-api test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.beacon.bench.SharedUsageBench \
 *   -Dbench.pg.url=jdbc:postgresql://127.0.0.1:5432/ -Dbench.pg.user=beacon_ci -Dbench.pg.password=beacon_ci
 * </pre>
 *
 * Tunables: {@code bench.instances} (the most, default 3), {@code bench.connections} (in all,
 * default 32), {@code bench.requests} per run (default 40000), {@code bench.seconds} per run
 * (default 20), {@code bench.warmup} requests per route and instance (default 3000). On two cores
 * more instances are not faster (they share the cores and the one database): the point is the cost
 * per heartbeat and that the figures stay exact.
 */
public final class SharedUsageBench {
  private SharedUsageBench() {}

  public static void main(String[] args) throws Exception {
    int most = Integer.getInteger("bench.instances", 3);
    int connections = Integer.getInteger("bench.connections", 32);
    int requests = Integer.getInteger("bench.requests", 40_000);
    Duration time = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    int warmup = Integer.getInteger("bench.warmup", 3_000);
    String url = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    String user = System.getProperty("bench.pg.user", "beacon");
    String password = System.getProperty("bench.pg.password", "beacon");
    System.out.println(IngestBench.machine());
    System.out.printf(Locale.ROOT, "%d connections in all, up to %d requests or %d s per run, after %d warm-up requests per instance%n%n",
        connections, requests, time.toSeconds(), warmup);
    double single = 0;
    for (int n = 1; n <= most; n++) {
      double perSecond = run(n, connections, requests, time, warmup, url.endsWith("/") ? url : url + "/", user, password);
      if (n == 1) {
        single = perSecond;
      }
      System.out.printf(Locale.ROOT, "%d instance(s): heartbeats %,.0f req/s in all, %.2fx one instance%n%n", n, perSecond,
          perSecond / single);
    }
  }

  /** One count of instances on a fresh database; answers the heartbeats per second in all. */
  private static double run(int n, int connections, int requests, Duration time, int warmup, String url, String user, String password)
      throws Exception {
    String name = "beacon_bench_" + Ids.randomHex(8);
    admin(url, user, password, "CREATE DATABASE " + name);
    List<BeaconServer> servers = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    List<LoadDriver> drivers = new ArrayList<>();
    String adminPassword = Ids.randomHex(12);
    try {
      for (int i = 0; i < n; i++) {
        Path data = Files.createTempDirectory("beacon-bench-");
        folders.add(data);
        servers.add(Beacon.startBlocking(Config.defaults().host("127.0.0.1").port(0).dataDir(data)
            .dbUrl(url + name).dbUser(user).dbPassword(password)
            .adminAccount("bench-admin").adminPassword(adminPassword).quiet(true).clientRatePerIp(0).clientRatePerKey(0)));
      }
      IngestBench.App app = IngestBench.createApp("http://127.0.0.1:" + servers.get(0).port(), "bench-admin", adminPassword);
      int each = Math.max(1, connections / n);
      for (BeaconServer s : servers) {
        drivers.add(new LoadDriver("127.0.0.1", s.port(), each));
      }
      LoadDriver.Target health = LoadDriver.Target.get("GET /health", "/health");
      drivers.get(0).run(health, new LoadDriver.Limits(connections, warmup, time));
      IngestBench.print(drivers.get(0).run(health, new LoadDriver.Limits(each, requests, time)));

      List<LoadDriver.Result> warm = all(drivers, app, "warm", new LoadDriver.Limits(each, warmup, time));
      List<LoadDriver.Result> measured = all(drivers, app, "run", new LoadDriver.Limits(each, Math.max(1, requests / n), time));
      double seconds = 0;
      long acknowledged = 0;
      for (LoadDriver.Result r : measured) {
        IngestBench.print(r);
        seconds = Math.max(seconds, r.seconds());
        acknowledged += r.requests() - r.notOk();
      }
      for (LoadDriver.Result r : warm) {
        acknowledged += r.requests() - r.notOk();
      }
      for (BeaconServer s : servers) {
        JsonObject summary = IngestBench.get("http://127.0.0.1:" + s.port() + "/v1/user/" + app.openId() + "/app/" + app.appId()
            + "/stats/summary", app);
        System.out.printf(Locale.ROOT, "  instance on port %d: DAU %d, %s%n", s.port(), summary.getLong("dau"),
            summary.getLong("dau") == acknowledged ? "every acknowledged heartbeat counted" : "NOT " + acknowledged + " as acknowledged");
      }
      return measured.stream().mapToLong(r -> r.requests() - r.notOk()).sum() / seconds;
    } finally {
      for (LoadDriver d : drivers) {
        d.close();
      }
      for (int i = servers.size() - 1; i >= 0; i--) {
        servers.get(i).stopBlocking();
      }
      for (Path f : folders) {
        IngestBench.deleteTree(f);
      }
      admin(url, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** Heartbeats from new machines on every instance at once (instance i's ids start with its number). */
  private static List<LoadDriver.Result> all(List<LoadDriver> drivers, IngestBench.App app, String round, LoadDriver.Limits limits)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(drivers.size());
    try {
      List<Future<LoadDriver.Result>> runs = new ArrayList<>();
      for (int i = 0; i < drivers.size(); i++) {
        LoadDriver d = drivers.get(i);
        String prefix = round + "-" + i + "-";
        LoadDriver.Target beats = LoadDriver.Target.postJson("heartbeat via instance " + (i + 1), "/api/v1/user/heartbeat",
            k -> new JsonObject().put("app_key", app.key()).put("machine_id", prefix + k).put("version", "1.0").encode());
        runs.add(pool.submit(() -> d.run(beats, limits)));
      }
      List<LoadDriver.Result> out = new ArrayList<>();
      for (Future<LoadDriver.Result> f : runs) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  private static void admin(String url, String user, String password, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url + "postgres", user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
