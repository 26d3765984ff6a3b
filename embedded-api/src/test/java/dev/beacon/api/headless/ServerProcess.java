package dev.beacon.api.headless;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged {@code beacon-server.jar} run as a child process, its output going to a file. */
public record ServerProcess(Process process, int port, Path log) {
  private static final Pattern LISTENING = Pattern.compile("listening on http://([^:\\s]+):(\\d+)");

  /** Starts the jar on port 0 with the given data folder, environment and options, and waits for the listening line. */
  public static ServerProcess launch(Path data, Map<String, String> env, String... options) throws Exception {
    Path log = Files.createTempFile("beacon-server-", ".log");
    Process p = start(data, env, log, options);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && p.isAlive()) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return new ServerProcess(p, Integer.parseInt(m.group(2)), log);
        }
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("no listening line; output was:\n" + Files.readString(log));
  }

  /** Runs the jar on port 0 with the given data folder until it exits by itself (within 90 s): its exit code and output. */
  public static Exited runUntilExit(Path data, String... options) throws Exception {
    Path log = Files.createTempFile("beacon-server-", ".log");
    Process p = start(data, Map.of(), log, options);
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the server did not exit; output was:\n" + Files.readString(log));
    }
    return new Exited(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** How a process that ran to its end ended. */
  public record Exited(int code, String output) {}

  private static Process start(Path data, Map<String, String> env, Path log, String... options) throws IOException {
    Path jar = Paths.get(System.getProperty("beacon.server.jar", "target/beacon-server.jar"));
    assertTrue(Files.exists(jar), "build the jar first: " + jar);
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString(), "--port", "0", "--data", data.toString()));
    command.addAll(List.of(options));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("BEACON_ADMIN_PASSWORD");
    pb.environment().remove("BEACON_ADMIN_ACCOUNT");
    pb.environment().putAll(env);
    // a file, not a pipe: the JDK closes a child's pipe when it exits, losing its last lines
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public List<String> lines() throws IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8);
  }

  /** Everything the process printed, for failure messages. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** kill -9: no shutdown hook, no clean close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not die on SIGKILL");
  }
}
