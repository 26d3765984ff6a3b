package dev.beacon.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Health;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Launcher's routing, in a child JVM on the test class path: --headless is the bare server, otherwise the console. */
class LauncherTest {
  private static final Pattern URL = Pattern.compile("(http://[0-9.]+:\\d+)");
  private static final String EOF = "\u0000eof";

  private Path data;
  private Process process;
  private final List<String> output = new ArrayList<>();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  @BeforeEach
  void setUp() throws Exception {
    data = TempDirs.create("beacon-launcher-");
  }

  @AfterEach
  void tearDown() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    TempDirs.delete(data);
  }

  private void launch(List<String> jvmFlags, String... args) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", cp));
    cmd.addAll(jvmFlags);
    cmd.add(Launcher.class.getName());
    cmd.addAll(List.of(args));
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Thread pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          lines.add(l);
        }
      } catch (Exception ignored) {
        // the process ended
      }
      lines.add(EOF);
    }, "launcher-test-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Reads the child's output until a line containing {@code text}; fails after {@code seconds}. */
  private String awaitLine(String text, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String l = lines.poll(200, TimeUnit.MILLISECONDS);
      if (l == null) {
        continue;
      }
      if (l.equals(EOF)) {
        break;
      }
      output.add(l);
      if (l.contains(text)) {
        return l;
      }
    }
    throw new AssertionError("no line containing '" + text + "'; output so far:\n" + String.join("\n", output));
  }

  private static String url(String line) {
    Matcher m = URL.matcher(line);
    assertTrue(m.find(), line);
    return m.group(1);
  }

  private void stopAndExpectExit() throws Exception {
    process.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of its output)
    long t0 = System.nanoTime();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM exits after destroy()");
    System.out.println("LauncherTest: exit " + process.exitValue() + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms after SIGTERM");
    awaitLine("Beacon stopped", 10); // its shutdown hook stopped the server cleanly
  }

  @Test
  void headlessAnywhereRunsTheBareServer() throws Exception {
    launch(List.of(), "--port", "0", "--headless", "--data", data.toString());
    String listening = awaitLine("listening on http://", 90);
    Health h = new BeaconClient(URI.create(url(listening))).health();
    assertEquals("up", h.status());
    assertTrue(output.stream().noneMatch(l -> l.contains("Beacon console")), "no window in headless mode");
    stopAndExpectExit();
  }

  @Test
  void withoutHeadlessItOpensTheConsoleWindowFirst() throws Exception {
    // headless JavaFX for the child, as surefire gives this JVM (see the pom)
    List<String> monocle = new ArrayList<>();
    for (String p : List.of("testfx.robot", "testfx.headless", "glass.platform", "monocle.platform", "prism.order", "prism.text", "java.awt.headless")) {
      String v = System.getProperty(p);
      assertNotNull(v, "surefire sets " + p);
      monocle.add("-D" + p + "=" + v);
    }
    launch(monocle, "--data", data.toString(), "--port=0");
    String firstFrame = awaitLine("Beacon console: first frame after", 60);
    String running = awaitLine("Beacon console: server running on http://", 90); // after the window
    Health h = new BeaconClient(URI.create(url(running))).health();
    assertEquals("up", h.status());
    assertTrue(firstFrame.matches(".*after \\d+ ms.*"), firstFrame);
    stopAndExpectExit();
  }

  @org.junit.jupiter.api.Test
  void knowsWhenThereIsNoDisplay() {
    java.util.Properties linux = new java.util.Properties();
    linux.setProperty("os.name", "Linux");
    org.junit.jupiter.api.Assertions.assertFalse(Launcher.displayAvailable(java.util.Map.of(), linux));
    org.junit.jupiter.api.Assertions.assertFalse(Launcher.displayAvailable(java.util.Map.of("DISPLAY", " "), linux));
    org.junit.jupiter.api.Assertions.assertTrue(Launcher.displayAvailable(java.util.Map.of("DISPLAY", ":0"), linux));
    org.junit.jupiter.api.Assertions.assertTrue(Launcher.displayAvailable(java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), linux));
    java.util.Properties monocle = new java.util.Properties();
    monocle.setProperty("os.name", "Linux");
    monocle.setProperty("glass.platform", "Monocle");
    org.junit.jupiter.api.Assertions.assertTrue(Launcher.displayAvailable(java.util.Map.of(), monocle));
    java.util.Properties windows = new java.util.Properties();
    windows.setProperty("os.name", "Windows 11");
    org.junit.jupiter.api.Assertions.assertTrue(Launcher.displayAvailable(java.util.Map.of(), windows));
  }
}
