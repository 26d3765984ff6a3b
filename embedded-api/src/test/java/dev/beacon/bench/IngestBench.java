package dev.beacon.bench;

import dev.beacon.api.Beacon;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.Ids;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.Map;
import java.util.Set;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ingest benchmark: starts the real server on loopback with a temp data folder, then measures,
 * side by side in one run, {@code GET /health} (a constant answer: the floor of the HTTP stack)
 * and {@code POST /api/v1/error/report} with grouping (many machines and versions, a handful of
 * distinct bugs from Java, .NET and Python traces whose line numbers change), and
 * {@code POST /api/{projectId}/envelope/}: gzip envelopes shaped like the Java SDK's (one event with
 * a 30-frame stack, a client report), from {@value #MACHINES} machines, each a new event id.
 *
 * <pre>
 * mvn -q -pl embedded-api test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.beacon.bench.IngestBench
 * </pre>
 *
 * Tunables (system properties): {@code bench.connections} (default 32), {@code bench.requests}
 * per measured run (default 40000), {@code bench.seconds} per run (default 20),
 * {@code bench.warmup} requests per route before measuring (default 20000: with fewer, the
 * constant route is measured before the JIT has compiled the HTTP path, at a third of its speed),
 * {@code bench.rounds}
 * (default 3: each round measures the constant route, then the ingest routes, and the ratios'
 * median is printed);
 * {@code bench.heartbeat=true} adds {@code POST /api/v1/user/heartbeat} (one insert) as a
 * reference; {@code bench.only} (a comma list of {@code report}, {@code envelope}) measures only
 * those beside the constant route; {@code bench.threads=true} prints
 * each run's five busiest threads. The per-key rate limit is switched off: this measures the server, not the limiter.
 */
public final class IngestBench {
  private static final String[] TRACES = {
      "java/npe-cart-1.2.0-jdk17.txt", "java/npe-payment.txt", "dotnet/nullref-sync-2.0.1.txt",
      "dotnet/io-save.txt", "python/typeerror-config-linux-3.1.0.txt"};
  private static final String[] TYPES = {
      "java.lang.NullPointerException", "java.lang.NullPointerException", "NullReferenceException", "IOException", "TypeError"};
  static final int MACHINES = 1000;
  /** Line numbers in Java ({@code Foo.java:42}), .NET ({@code :line 42}) and Python ({@code line 42,}) frames. */
  private static final Pattern LINE = Pattern.compile("(:|line )(\\d+)");

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    int connections = Integer.getInteger("bench.connections", 32);
    int requests = Integer.getInteger("bench.requests", 40_000);
    Duration time = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    int warmup = Integer.getInteger("bench.warmup", 20_000);
    int rounds = Math.max(1, Integer.getInteger("bench.rounds", 3));

    Path data = Files.createTempDirectory("beacon-bench-");
    String password = Ids.randomHex(12);
    BeaconServer server = Beacon.startBlocking(Config.defaults().host("127.0.0.1").port(0).dataDir(data)
        .adminAccount("bench-admin").adminPassword(password).quiet(true).errorRate(0).clientRatePerIp(0).clientRatePerKey(0));
    try {
      String base = "http://127.0.0.1:" + server.port();
      App app = createApp(base, "bench-admin", password);
      JsonObject dsnApp = get(base + "/v1/user/" + app.openId() + "/app/" + app.appId(), app).getJsonObject("app");
      URI dsn = URI.create(dsnApp.getString("dsn"));
      List<LoadDriver.Target> targets = List.of(
          LoadDriver.Target.get("GET /health", "/health"),
          LoadDriver.Target.postJson("POST /api/v1/error/report", "/api/v1/error/report", errorReports(app.key())),
          new LoadDriver.Target("POST /api/{id}/envelope/", HttpMethod.POST, "/api" + dsn.getPath() + "/envelope/", envelopes(warmup + rounds * requests),
              Map.of("Content-Type", "application/x-sentry-envelope", "Content-Encoding", "gzip",
                  "X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=sentry.java/8.64.0, sentry_key=" + dsn.getUserInfo())));
      System.out.println(machine());
      System.out.printf(Locale.ROOT, "%d connections, up to %d requests or %d s per route, after %d warm-up requests%n%n",
          connections, requests, time.toSeconds(), warmup);
      // bench.only=health,report,envelope (any of them) measures just those routes; the constant one always runs
      Set<String> only = Set.of(System.getProperty("bench.only", "health,report,envelope").split(","));
      boolean[] selected = {true, only.contains("report"), only.contains("envelope")};
      try (LoadDriver driver = new LoadDriver("127.0.0.1", server.port(), connections)) {
        for (int t = 0; t < targets.size(); t++) {
          if (selected[t]) {
            driver.run(targets.get(t), new LoadDriver.Limits(connections, warmup, time));
          }
        }
        // rounds alternate the constant route with the ingest routes, so that a slow spell of the
        // machine lands in one round's pair rather than between the two figures of a ratio
        List<Double> reportRatios = new java.util.ArrayList<>();
        List<Double> envelopeRatios = new java.util.ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          if (rounds > 1) {
            System.out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
          }
          LoadDriver.Result constant = measure(driver, targets.get(0), new LoadDriver.Limits(connections, requests, time));
          if (selected[1]) {
            reportRatios.add(measure(driver, targets.get(1), new LoadDriver.Limits(connections, requests, time)).perSecond()
                / constant.perSecond());
          }
          if (selected[2]) {
            envelopeRatios.add(measure(driver, targets.get(2), new LoadDriver.Limits(connections, requests, time)).perSecond()
                / constant.perSecond());
          }
        }
        if (Boolean.getBoolean("bench.heartbeat")) {
          print(driver.run(LoadDriver.Target.postJson("POST /api/v1/user/heartbeat", "/api/v1/user/heartbeat",
              i -> new JsonObject().put("app_key", app.key()).put("machine_id", "m" + i % 1000).put("version", "1.0").encode()),
              new LoadDriver.Limits(connections, requests, time)));
        }
        System.out.println();
        if (!reportRatios.isEmpty()) {
          System.out.printf(Locale.ROOT, "ratio: error ingest runs at %s of the constant route%n", ratios(reportRatios));
        }
        if (!envelopeRatios.isEmpty()) {
          System.out.printf(Locale.ROOT, "ratio: Sentry envelopes run at %s of the constant route (goal: at least 30%%)%n",
              ratios(envelopeRatios));
        }
      }
      JsonObject issues = get(base + "/v1/user/" + app.openId() + "/app/" + app.appId() + "/issues?orderBy=count:desc", app);
      System.out.printf(Locale.ROOT, "grouped into %d issues (expected %d); the largest: %s events from %s machines%n",
          issues.getInteger("totalCount"), (selected[1] ? TRACES.length : 0) + (selected[2] ? 1 : 0),
          issues.getJsonArray("issues").getJsonObject(0).getLong("count"),
          issues.getJsonArray("issues").getJsonObject(0).getLong("machines"));
    } finally {
      server.stopBlocking();
      deleteTree(data);
    }
  }

  /**
   * Family A error reports: bug {@code i % 5}, machine {@code i} spread over {@value #MACHINES},
   * four versions, and line numbers that move with {@code i} (the grouping must see through them).
   */
  static IntFunction<String> errorReports(String appKey) {
    String[] stacks = new String[TRACES.length];
    for (int b = 0; b < TRACES.length; b++) {
      stacks[b] = resource("/traces/" + TRACES[b]);
    }
    return i -> {
      int bug = i % TRACES.length;
      String shift = Integer.toString(i % 13);
      return new JsonObject()
          .put("app_key", appKey)
          .put("machine_id", "machine-" + (i / TRACES.length * 7919 % MACHINES))
          .put("software_version", "2.0." + (i % 4))
          .put("error_type", TYPES[bug])
          .put("error_message", "failure number " + i)
          .put("error_stack", LINE.matcher(stacks[bug]).replaceAll("$1" + shift + "$2"))
          .put("os_info", "Windows 11 Pro 10.0.22631")
          .encode();
    };
  }

  /**
   * Gzip envelopes as the Java SDK sends them: an event (a 30-frame stack of an
   * {@code IllegalStateException}, release, environment, tags, a user) and a client report;
   * every request a new event id (across runs: warm-up and measured runs never repeat one),
   * request {@code i} from machine {@code i % }{@value #MACHINES}, all one bug. All
   * {@code count} are made and compressed before the first is sent, so the driver spends no CPU
   * making them while the server is measured.
   */
  static IntFunction<Buffer> envelopes(int count) {
    IntFunction<Buffer> make = envelopeMaker();
    byte[][] bodies = new byte[count][];
    for (int k = 0; k < count; k++) {
      bodies[k] = make.apply(k).getBytes();
    }
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    return i -> Buffer.buffer(bodies[Math.floorMod(next.getAndIncrement(), count)]);
  }

  /** Makes envelope {@code i}: a new event id each call, machine, release and message from {@code i}. */
  static IntFunction<Buffer> envelopeMaker() {
    java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();
    io.vertx.core.json.JsonArray frames = new io.vertx.core.json.JsonArray();
    for (int f = 0; f < 30; f++) {
      String module = f < 8 ? "java.lang.Thread" : f < 20 ? "com.acme.app.Service" + f : "com.acme.app.Worker" + f;
      frames.add(new JsonObject().put("module", module).put("function", "step" + f).put("filename", "Service.java")
          .put("lineno", 10 + f).put("in_app", !module.startsWith("java.")));
    }
    return i -> {
      String eventId = String.format(Locale.ROOT, "%032x", ids.incrementAndGet());
      JsonObject event = new JsonObject()
          .put("event_id", eventId).put("timestamp", java.time.Instant.now().toString()).put("platform", "java").put("level", "error")
          .put("release", "bench-app@2.0." + (i % 4)).put("environment", "production")
          .put("user", new JsonObject().put("id", "machine-" + (i % MACHINES)))
          .put("tags", new JsonObject().put("thread", "main"))
          .put("contexts", new JsonObject().put("os", new JsonObject().put("name", "Windows 11").put("version", "10.0.22631"))
              .put("runtime", new JsonObject().put("name", "OpenJDK Runtime Environment").put("version", "17.0.15")))
          .put("sdk", new JsonObject().put("name", "sentry.java").put("version", "8.64.0"))
          .put("exception", new JsonObject().put("values", new io.vertx.core.json.JsonArray().add(new JsonObject()
              .put("type", "IllegalStateException").put("module", "java.lang").put("value", "failure number " + i)
              .put("stacktrace", new JsonObject().put("frames", frames)))));
      String envelope = new JsonObject().put("event_id", eventId).put("sdk", event.getJsonObject("sdk")).encode() + "\n"
          + new JsonObject().put("type", "event").put("content_type", "application/json").encode() + "\n" + event.encode() + "\n"
          + new JsonObject().put("type", "client_report").encode() + "\n"
          + new JsonObject().put("timestamp", "2026-12-04T10:00:00Z").put("discarded_events", new io.vertx.core.json.JsonArray()).encode() + "\n";
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out) {
        {
          def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
      }) {
        gz.write(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return Buffer.buffer(out.toByteArray());
    };
  }

  /**
   * Runs and prints a route, with the CPU time it took per request: the whole process's (server
   * and driver share it, as they share the cores) and the database threads' (one transaction at a
   * time stores the ingest routes' batches). Unlike requests per second, these hardly move when
   * other programs load the machine, so runs on a busy machine can still be compared.
   */
  static LoadDriver.Result measure(LoadDriver driver, LoadDriver.Target target, LoadDriver.Limits limits) throws Exception {
    long[] before = cpu();
    Map<String, Long> threadsBefore = threadCpu();
    LoadDriver.Result r = print(driver.run(target, limits));
    long[] after = cpu();
    Map<String, Long> threadsAfter = threadCpu();
    System.out.printf(Locale.ROOT, "%-28s cpu %6.0f us per request (process), %6.0f us on the db threads%n", "",
        (after[0] - before[0]) / 1e3 / r.requests(), (after[1] - before[1]) / 1e3 / r.requests());
    if (Boolean.getBoolean("bench.threads")) {
      // the busiest threads, as a share of the run's wall time: one near 100% is what the route waits on
      threadsAfter.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)))
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
          .forEach(e -> System.out.printf(Locale.ROOT, "%-28s   %5.1f%% of the run on %s%n", "",
              100 * e.getValue() / 1e9 / r.seconds(), e.getKey()));
    }
    return r;
  }

  /** Each live thread's CPU time (ns), by name and id. */
  private static Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new java.util.HashMap<>();
    for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null) {
        out.put(t.getThreadName() + " #" + t.getThreadId(), Math.max(0, threads.getThreadCpuTime(t.getThreadId())));
      }
    }
    return out;
  }

  /** Each round's ratio in percent, and their median: "24.9%, 33.6%, 29.4% (median 29.4%)". */
  static String ratios(List<Double> ratios) {
    List<Double> sorted = ratios.stream().sorted().toList();
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    String each = String.join(", ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.1f%%", 100 * r)).toList());
    return ratios.size() == 1 ? each : String.format(Locale.ROOT, "%s (median %.1f%%)", each, 100 * median);
  }

  /** The process's CPU time and its db threads' (ns). */
  private static long[] cpu() {
    long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long db = 0;
    for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("beacon-db")) {
        db += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return new long[] {process, db};
  }

  static LoadDriver.Result print(LoadDriver.Result r) {
    System.out.printf(Locale.ROOT, "%-28s %7d requests in %5.1f s = %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms   not 2xx: %d %s%n",
        r.label(), r.requests(), r.seconds(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.notOk(),
        r.notOk() == 0 ? "" : r.statuses());
    return r;
  }

  static String machine() {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
    } catch (IOException | RuntimeException e) {
      // not Linux: the core count and JVM still say enough
    }
    return String.format(Locale.ROOT, "machine: %d cores (%s), %s %s, Java %s, max heap %d MiB",
        Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  record App(String openId, String token, String appId, String key) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Signs in and creates the app the reports are sent for. */
  static App createApp(String base, String account, String password) throws Exception {
    JsonObject login = send(HttpRequest.newBuilder(URI.create(base + "/v1/auth/login"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("account", account).put("password", password).encode())));
    String openId = login.getString("openId");
    String token = login.getString("token");
    JsonObject app = send(HttpRequest.newBuilder(URI.create(base + "/v1/user/" + openId + "/app"))
        .header("X-Openid", openId).header("X-Auth-Token", token)
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", "bench").put("platform", 3).encode())))
        .getJsonObject("app");
    return new App(openId, token, app.getString("appId"), app.getString("appKey"));
  }

  static JsonObject get(String url, App app) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).header("X-Openid", app.openId()).header("X-Auth-Token", app.token()).GET());
  }

  private static JsonObject send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = HTTP.send(request.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    JsonObject body = new JsonObject(r.body());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + " " + body.encode());
    }
    return body;
  }

  private static String resource(String name) {
    try (var in = IngestBench.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
