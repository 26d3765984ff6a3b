package dev.beacon.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up benchmark (run by {@code bench/startup}; builds nothing): starts what a user runs, the
 * packaged app image's launchers and the two jars, each several times on a fresh data folder and a
 * free port, alternating with {@link MinimalServer} (one constant JSON route on the same JDK), and
 * prints for each the time from launch to ready and the resident memory (RSS of the process and
 * its children) once it has been idle {@code --idle} seconds after it was ready, with their ratios
 * to the minimal server's; then the sizes of the app image, the {@code .deb} and the jars. With
 * {@code --busy S} each server, and the console's own server (the console open on its Errors
 * screen), is then kept busy {@code S} seconds ({@link BusyMinute}: ingest and 90-day queries) and
 * left idle as long again: its highest RSS and its RSS after are printed beside the idle RSS before.
 *
 * <p>Ready means: the first {@code 200} to {@code GET /health} (servers), or the console's own
 * line saying it is signed in with the Overview shown (console; it is started with its data folder
 * and port, on {@code $DISPLAY}, or on an Xvfb display the benchmark starts when there is none).
 * Every time is on the benchmark's clock, from the launch to when the answer or the line came.
 * Linux only (RSS from {@code /proc}).
 *
 * <pre>
 * bench/startup [--rounds 3] [--idle 10] [--busy 60] [--only minimal,server-jar,...] [--image DIR]
 *               [--deb FILE] [--jar FILE] [--server-jar FILE] [--java-options "-Xmx.."]
 * </pre>
 */
public final class StartupBench {
  /** The console's line once it can be used: signed in, the first screen shown. */
  private static final Pattern CONSOLE_READY = Pattern.compile("Beacon console: (signed in|ready).* after (\\d+) ms");
  /** Consoles that print no such line (older builds): their server's "running" line. */
  private static final Pattern CONSOLE_SERVER = Pattern.compile("Beacon console: server running on .* after (\\d+) ms");
  private static final Pattern CONSOLE_FRAME = Pattern.compile("Beacon console: first frame after (\\d+) ms");

  private StartupBench() {}

  /** One thing to start: how, and how to tell it is ready. */
  private record Subject(String name, List<String> command, boolean console) {}

  /**
   * One start: milliseconds to ready (-1: never), idle RSS in bytes, extra figures by name, and
   * with {@code --busy}: the highest RSS during the busy spell and the RSS after as long again idle
   * (0 when not measured).
   */
  private record Run(long readyMs, long rssBytes, Map<String, Long> extra, long busyPeak, long afterBusy) {}

  /** The admin account the servers are started with when they are made busy. */
  private static final String BUSY_ACCOUNT = "bench-admin";
  private static final String BUSY_PASSWORD = "bench-" + Long.toHexString(System.nanoTime()) + "-Pw";

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    Path root = Paths.get(opt.getOrDefault("root", ".")).toAbsolutePath().normalize();
    int rounds = Integer.parseInt(opt.getOrDefault("rounds", "3"));
    int idle = Integer.parseInt(opt.getOrDefault("idle", "10"));
    int busy = Integer.parseInt(opt.getOrDefault("busy", "0"));
    Path image = root.resolve(opt.getOrDefault("image", "packaging/target/Beacon"));
    Path jar = root.resolve(opt.getOrDefault("jar", "app-desktop/target/beacon.jar"));
    Path serverJar = root.resolve(opt.getOrDefault("server-jar", "embedded-api/target/beacon-server.jar"));
    Path testClasses = root.resolve(opt.getOrDefault("test-classes", "embedded-api/target/test-classes"));
    String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> javaOptions = opt.containsKey("java-options")
        ? List.of(opt.get("java-options").trim().split("\\s+")) : List.of();

    List<Subject> all = new ArrayList<>();
    all.add(new Subject("minimal", List.of(javaBin, "-cp", testClasses + File.pathSeparator + serverJar.toString(),
        MinimalServer.class.getName(), "{port}"), false));
    all.add(new Subject("server-jar", concat(javaBin, javaOptions, "-jar", serverJar.toString(), "--port", "{port}", "--data", "{data}"), false));
    all.add(new Subject("jar-headless", concat(javaBin, javaOptions, "-jar", jar.toString(), "--headless", "--port", "{port}", "--data", "{data}"), false));
    all.add(new Subject("image-server", List.of(image.resolve("bin/beacon-server").toString(), "--port", "{port}", "--data", "{data}"), false));
    all.add(new Subject("image-headless", List.of(image.resolve("bin/Beacon").toString(), "--headless", "--port", "{port}", "--data", "{data}"), false));
    all.add(new Subject("image-console", List.of(image.resolve("bin/Beacon").toString(), "--port", "{port}", "--data", "{data}"), true));
    all.add(new Subject("jar-console", concat(javaBin, javaOptions, "-jar", jar.toString(), "--port", "{port}", "--data", "{data}"), true));
    List<String> only = opt.containsKey("only") ? List.of(opt.get("only").split(","))
        : List.of("minimal", "server-jar", "jar-headless", "image-server", "image-headless", "image-console");
    List<Subject> subjects = all.stream().filter(s -> s.name().equals("minimal") || only.contains(s.name())).toList();

    Process xvfb = null;
    Map<String, String> env = new LinkedHashMap<>();
    if (subjects.stream().anyMatch(Subject::console) && System.getenv("DISPLAY") == null) {
      String display = freeDisplay();
      if (onPath("Xvfb") && display != null) {
        xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(1500);
        env.put("DISPLAY", display);
      } else {
        System.out.println("no display and no Xvfb: the console runs are left out");
        subjects = subjects.stream().filter(s -> !s.console()).toList();
      }
    }

    System.out.printf(Locale.ROOT, "StartupBench: %d rounds, RSS %d s after ready; %s %s, %d cores, Java %s; load %s%n",
        rounds, idle, System.getProperty("os.name"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load());
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    try {
      for (int r = 1; r <= rounds; r++) {
        for (Subject s : subjects) {
          if (!Files.exists(Paths.get(s.command().get(0)))) {
            continue;
          }
          Run run = once(s, env, idle, s.name().equals("minimal") ? 0 : busy);
          runs.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(run);
          System.out.printf(Locale.ROOT, "  round %d %-15s ready %6s ms  RSS %4d MB%s%n", r, s.name(),
              run.readyMs() < 0 ? "never" : Long.toString(run.readyMs()), run.rssBytes() >> 20,
              run.extra().isEmpty() ? "" : "  " + run.extra());
          if (run.busyPeak() > 0) {
            System.out.printf(Locale.ROOT, "          busy %d s: RSS peak %4d MB, %4d MB after %d s idle (%+.0f%% of idle before)%n", busy,
                run.busyPeak() >> 20, run.afterBusy() >> 20, busy, 100.0 * (run.afterBusy() - run.rssBytes()) / run.rssBytes());
          }
        }
      }
    } finally {
      if (xvfb != null) {
        xvfb.destroy();
      }
    }

    List<Run> base = runs.getOrDefault("minimal", List.of());
    double baseReady = median(base.stream().mapToLong(Run::readyMs).toArray());
    double baseRss = median(base.stream().mapToLong(Run::rssBytes).toArray());
    System.out.println();
    System.out.printf(Locale.ROOT, "%-15s %22s %7s %18s %7s%n", "", "ready ms median (range)", "x min.", "idle RSS MB median", "x min.");
    runs.forEach((name, list) -> {
      List<Run> ok = list.stream().filter(x -> x.readyMs() >= 0).toList();
      if (ok.isEmpty()) {
        System.out.printf(Locale.ROOT, "%-15s never ready in %d runs%n", name, list.size());
        return;
      }
      long[] ready = ok.stream().mapToLong(Run::readyMs).toArray();
      long[] rss = ok.stream().mapToLong(Run::rssBytes).toArray();
      double mr = median(ready);
      double mm = median(rss);
      System.out.printf(Locale.ROOT, "%-15s %8.0f (%5d-%5d) %7.2f %18.0f %7.2f%s%n", name, mr,
          Arrays.min(ready), Arrays.max(ready), mr / baseReady, mm / (1 << 20), mm / baseRss,
          ok.size() < list.size() ? "  (" + (list.size() - ok.size()) + " of " + list.size() + " runs never ready)" : "");
      List<String> extras = ok.get(0).extra().keySet().stream().toList();
      for (String e : extras) {
        long[] v = ok.stream().mapToLong(x -> x.extra().getOrDefault(e, -1L)).toArray();
        System.out.printf(Locale.ROOT, "  %-13s %8.0f (%5d-%5d) %7.2f%n", e, median(v), Arrays.min(v), Arrays.max(v), median(v) / baseReady);
      }
      List<Run> busied = ok.stream().filter(x -> x.busyPeak() > 0).toList();
      if (!busied.isEmpty()) {
        double before = median(busied.stream().mapToLong(Run::rssBytes).toArray());
        double after = median(busied.stream().mapToLong(Run::afterBusy).toArray());
        System.out.printf(Locale.ROOT, "  after busy    peak %4.0f MB, then idle %4.0f MB: %+.0f%% of its idle RSS before (medians)%n",
            median(busied.stream().mapToLong(Run::busyPeak).toArray()) / (1 << 20), after / (1 << 20), 100 * (after - before) / before);
      }
    });
    System.out.println();
    System.out.printf(Locale.ROOT, "sizes: app image %s, .deb %s, beacon.jar %s, beacon-server.jar %s%n",
        mb(treeSize(image)), mb(size(deb(root, opt))), mb(size(jar)), mb(size(serverJar)));
  }

  /**
   * Starts one subject on a fresh data folder, waits until it is ready and idle, measures; with
   * {@code busySeconds} then makes it busy that long ({@link BusyMinute}) and lets it idle as long
   * again, measuring; stops it.
   */
  private static Run once(Subject s, Map<String, String> env, int idleSeconds, int busySeconds) throws Exception {
    Path data = Files.createTempDirectory("beacon-startup-");
    int port = freePort();
    List<String> command = s.command().stream()
        .map(a -> a.replace("{port}", Integer.toString(port)).replace("{data}", data.resolve("data").toString())).toList();
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().remove("BEACON_ADMIN_PASSWORD"); // the console signs in with the generated one
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    if (busySeconds > 0 && !s.console()) {
      pb.environment().put("BEACON_ADMIN_ACCOUNT", BUSY_ACCOUNT);
      pb.environment().put("BEACON_ADMIN_PASSWORD", BUSY_PASSWORD);
    } else if (busySeconds > 0) {
      // the console opens on its Errors screen (the last screen it remembers); the load signs in
      // with the admin's generated password, as the console does
      Files.createDirectories(data.resolve("data"));
      Files.writeString(data.resolve("data").resolve("console.properties"), "screen.last=errors\n");
    }
    long t0 = System.nanoTime();
    Process p = pb.start();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    StringBuilder log = new StringBuilder();
    Thread reader = new Thread(() -> read(p, t0, seen, log), "bench-out");
    reader.setDaemon(true);
    reader.start();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(240);
    long ready = -1;
    try {
      while (System.nanoTime() < deadline && p.isAlive()) {
        if (s.console()) {
          Long at = seen.containsKey("ready") ? seen.get("ready") : null;
          if (at == null && seen.containsKey("server") && System.nanoTime() - t0 - TimeUnit.MILLISECONDS.toNanos(seen.get("server"))
              > TimeUnit.SECONDS.toNanos(5)) {
            at = seen.get("server"); // an older console that does not say when it is signed in
          }
          if (at != null) {
            ready = at;
            break;
          }
        } else if (answers(port)) {
          ready = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
          break;
        }
        Thread.sleep(s.console() ? 20 : 10);
      }
      if (ready < 0) {
        System.out.println("  " + s.name() + " was not ready; its output:\n" + log);
      }
      long idleUntil = t0 + TimeUnit.MILLISECONDS.toNanos(Math.max(ready, 0)) + TimeUnit.SECONDS.toNanos(idleSeconds);
      while (System.nanoTime() < idleUntil && p.isAlive()) {
        Thread.sleep(50);
      }
      long rss = rss(p.toHandle());
      Map<String, Long> extra = new LinkedHashMap<>();
      if (s.console()) {
        extra.put("first frame", seen.getOrDefault("frame", -1L));
        extra.put("server running", seen.getOrDefault("server", -1L));
      }
      long peak = 0;
      long after = 0;
      if (busySeconds > 0 && ready >= 0 && p.isAlive()) {
        long[] high = {rss};
        Thread load = new Thread(() -> {
          try {
            String[] admin = s.console() ? generatedAdmin(data.resolve("data")) : new String[] {BUSY_ACCOUNT, BUSY_PASSWORD};
            long answered = BusyMinute.run("http://127.0.0.1:" + port, admin[0], admin[1], java.time.Duration.ofSeconds(busySeconds));
            System.out.printf(Locale.ROOT, "          busy: %d requests answered (heartbeats, error reports, usage and issue queries)%n", answered);
          } catch (Exception e) {
            System.out.println("  the busy spell failed: " + e);
          }
        }, "bench-busy");
        load.start();
        while (load.isAlive()) {
          high[0] = Math.max(high[0], rss(p.toHandle()));
          load.join(500);
        }
        peak = high[0];
        long idleUntil2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(busySeconds);
        while (System.nanoTime() < idleUntil2 && p.isAlive()) {
          Thread.sleep(50);
        }
        after = rss(p.toHandle());
      }
      return new Run(ready, rss, extra, peak, after);
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
      }
      deleteTree(data);
    }
  }

  /** The account and password of the admin the console's server generated, from its data folder. */
  private static String[] generatedAdmin(Path dataDir) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(dataDir.resolve(dev.beacon.api.auth.AdminBootstrap.CREDENTIALS_FILE), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return new String[] {p.getProperty("account"), p.getProperty("password")};
  }

  /** Reads the subject's output, noting when the console's milestones are printed (on the benchmark's clock). */
  private static void read(Process p, long t0, Map<String, Long> seen, StringBuilder log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        synchronized (log) {
          if (log.length() < 20_000) {
            log.append(line).append('\n');
          }
        }
        note(seen, "ready", CONSOLE_READY.matcher(line), at);
        note(seen, "server", CONSOLE_SERVER.matcher(line), at);
        note(seen, "frame", CONSOLE_FRAME.matcher(line), at);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /**
   * When a line of the console was read, on the benchmark's clock from the launch, as for the
   * servers: not the milliseconds the line gives, which count from the JVM's own start.
   */
  private static void note(Map<String, Long> seen, String key, Matcher m, long at) {
    if (m.find()) {
      seen.putIfAbsent(key, at);
    }
  }

  /** Whether {@code GET /health} answers 200 on loopback. */
  private static boolean answers(int port) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
      c.setConnectTimeout(200);
      c.setReadTimeout(5000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  /** Resident memory of a process and its descendants, from /proc. */
  private static long rss(ProcessHandle p) {
    return Stream.concat(Stream.of(p), p.descendants()).mapToLong(h -> {
      try {
        for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(h.pid()), "status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // gone
      }
      return 0;
    }).sum();
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    java.util.Arrays.sort(s);
    if (s.length == 0) {
      return Double.NaN;
    }
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }

  /** {@code min}/{@code max} over an array. */
  private static final class Arrays {
    static long min(long[] v) {
      return java.util.Arrays.stream(v).min().orElse(-1);
    }

    static long max(long[] v) {
      return java.util.Arrays.stream(v).max().orElse(-1);
    }
  }

  private static List<String> concat(String java, List<String> options, String... rest) {
    List<String> out = new ArrayList<>();
    out.add(java);
    out.addAll(options);
    out.addAll(List.of(rest));
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String freeDisplay() {
    for (int n = 87; n < 120; n++) {
      if (!Files.exists(Paths.get("/tmp/.X11-unix/X" + n)) && !Files.exists(Paths.get("/tmp/.X" + n + "-lock"))) {
        return ":" + n;
      }
    }
    return null;
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Paths.get(d, tool)));
  }

  private static String load() {
    try {
      return Files.readString(Paths.get("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static Path deb(Path root, Map<String, String> opt) throws IOException {
    if (opt.containsKey("deb")) {
      return root.resolve(opt.get("deb"));
    }
    Path dir = root.resolve("packaging/target");
    if (!Files.isDirectory(dir)) {
      return dir.resolve("none.deb");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(".deb")).findFirst().orElse(dir.resolve("none.deb"));
    }
  }

  private static long size(Path f) throws IOException {
    return Files.isRegularFile(f) ? Files.size(f) : -1;
  }

  private static long treeSize(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return -1;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** {@code --name value} pairs. */
  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: bench/startup [--rounds N] [--idle S] [--only a,b] [--image DIR] [--deb FILE]"
            + " [--jar FILE] [--server-jar FILE] [--java-options \"...\"]; got " + args[i]);
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }
}
