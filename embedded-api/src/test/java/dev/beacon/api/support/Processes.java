package dev.beacon.api.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a real client's program (python3, node ...) for a test, and collects what it printed. */
public final class Processes {
  private Processes() {}

  /** How a program ended: its exit code, and its output and errors together. */
  public record Run(int exitCode, String output) {}

  /**
   * Runs {@code command} with {@code env} added to this process's environment; fails the test when
   * it has not finished within 60 s. Loopback is never proxied.
   */
  public static Run run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("PYTHONIOENCODING", "utf-8");
    pb.environment().put("NO_PROXY", "127.0.0.1,localhost"); // the server is local even where a proxy is set
    Process p = pb.start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "cannot read the output: " + e;
      }
    });
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command[0] + " did not finish in 60 s: " + String.join(" ", command));
    }
    return new Run(p.exitValue(), output.get(10, TimeUnit.SECONDS));
  }
}
