package dev.beacon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.Config;
import dev.beacon.api.core.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server's command line: help, version, refusals that name the flag and exit 2, defaults, environment. */
class MainTest {
  /** What a launch printed and did; {@code exit} is -1 when it did not exit. */
  record Launch(Config config, int exit, String out, String err) {}

  static Launch launch(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] exit = {-1};
    Config c = Main.read(args, new PrintWriter(out, true), new PrintWriter(err, true), code -> exit[0] = code);
    return new Launch(c, exit[0], out.toString(), err.toString());
  }

  @Test
  void helpListsEveryOptionWithItsDefaultAndEnvironment() {
    Launch l = launch("--help");
    assertNull(l.config(), "help starts nothing");
    assertEquals(-1, l.exit());
    assertEquals("", l.err());
    String help = l.out();
    assertTrue(help.startsWith("Usage: java -jar beacon-server.jar [options]"), help);
    for (String option : List.of("--host", "--port", "--data", "--files", "--db-url", "--db-user", "--db-password", "--upload-limit",
        "--self-registration", "--error-retention-days", "--error-rate", "--error-burst", "--heartbeat-queue",
        "--client-rate-per-ip", "--client-burst-per-ip", "--client-rate-per-key", "--client-burst-per-key", "--trust-proxy",
        "--max-connections", "--request-head-timeout", "--idle-timeout", "--help", "--version")) {
      assertTrue(help.contains(option), option + " in\n" + help);
    }
    assertFalse(help.contains("--headless"), "accepted, not advertised");
    assertTrue(help.contains("(default 8470; 0 picks a free one)"), help);
    assertTrue(help.replaceAll("\\s", "").contains("(default" + Config.defaultDataDir().toString().replaceAll("\\s", "") + ")"), help);
    assertTrue(help.contains("(default 200)"), help);
    assertTrue(help.contains("(default 50; 0 switches the limit"), "whole rates print without decimals:\n" + help);
    for (String env : List.of("BEACON_DB_URL", "BEACON_DB_USER", "BEACON_DB_PASSWORD", "BEACON_ADMIN_ACCOUNT", "BEACON_ADMIN_PASSWORD")) {
      assertTrue(help.contains(env), env + " in\n" + help);
    }
    assertEquals(help, launch("-h").out());
  }

  @Test
  void versionPrintsTheBuildsVersion() {
    Launch l = launch("--version");
    assertNull(l.config());
    assertEquals(-1, l.exit());
    assertEquals("Beacon " + Version.get(), l.out().strip());
  }

  @Test
  void anUnknownFlagIsNamedAndExitsTwo() {
    Launch l = launch("--port", "0", "--prot", "80");
    assertNull(l.config());
    assertEquals(2, l.exit());
    assertTrue(l.err().startsWith("beacon: unknown option --prot\n"), l.err());
    assertTrue(l.err().contains("Usage: java -jar beacon-server.jar"), l.err());
    assertEquals("", l.out());
  }

  @Test
  void aBadValueIsNamedWithItsFlagAndExitsTwo() {
    assertEquals("beacon: --port needs a number, got 'eighty'", launch("--port", "eighty").err().lines().findFirst().orElseThrow());
    assertEquals("beacon: --port: the port must be between 0 and 65535, got 70000", launch("--port=70000").err().lines().findFirst().orElseThrow());
    Launch burst = launch("--error-burst=0");
    assertEquals(2, burst.exit());
    assertEquals("beacon: --error-burst: the error burst must be at least 1, got 0", burst.err().lines().findFirst().orElseThrow(),
        "a range the configuration checks is named by its flag too");
    assertEquals("beacon: --upload-limit needs a value", launch("--upload-limit").err().lines().findFirst().orElseThrow());
    assertEquals("beacon: --data needs a folder", launch("--data=").err().lines().findFirst().orElseThrow());
    assertEquals("beacon: --files needs a folder", launch("--files=").err().lines().findFirst().orElseThrow());
  }

  @Test
  void withoutFlagsTheConfigurationIsConfigsDefaults() {
    Config c = Main.parse();
    Config d = Config.defaults();
    assertEquals(d.host(), c.host());
    assertEquals(d.port(), c.port());
    assertEquals(d.dataDir(), c.dataDir());
    assertEquals(d.uploadLimit(), c.uploadLimit());
    assertEquals(d.selfRegistration(), c.selfRegistration());
    assertEquals(d.errorRetention(), c.errorRetention());
    assertEquals(d.errorRate(), c.errorRate());
    assertEquals(d.errorBurst(), c.errorBurst());
    assertEquals(d.heartbeatQueue(), c.heartbeatQueue());
    assertEquals(d.clientRatePerIp(), c.clientRatePerIp());
    assertEquals(d.clientBurstPerIp(), c.clientBurstPerIp());
    assertEquals(d.clientRatePerKey(), c.clientRatePerKey());
    assertEquals(d.clientBurstPerKey(), c.clientBurstPerKey());
    assertEquals(d.trustProxy(), c.trustProxy());
    assertEquals(d.maxConnections(), c.maxConnections());
    assertEquals(d.requestHeadTimeout(), c.requestHeadTimeout());
    assertEquals(d.idleTimeout(), c.idleTimeout());
    Config set = Main.parse("--host", "0.0.0.0", "--port", "9000", "--data", "/tmp/beacon-main-test", "--self-registration", "--headless");
    assertEquals("0.0.0.0", set.host());
    assertEquals(9000, set.port());
    assertEquals(Paths.get("/tmp/beacon-main-test").toAbsolutePath(), set.dataDir());
    assertTrue(set.selfRegistration());
    assertNull(set.filesDir(), "hosted files in the data folder unless --files says otherwise");
    assertEquals(Paths.get("/srv/shared/files").toAbsolutePath(), Main.parse("--files", "/srv/shared/files").filesDir());
  }

  @Test
  void theDatabaseCredentialsDefaultToTheirEnvironmentVariables() throws Exception {
    Map<String, String> env = Map.of("BEACON_DB_URL", "jdbc:postgresql://db.example/beacon", "BEACON_DB_USER", "alice",
        "BEACON_DB_PASSWORD", "s3cret", "BEACON_ADMIN_ACCOUNT", "root");
    assertEquals("jdbc:postgresql://db.example/beacon alice s3cret root", probe(env));
    assertEquals("jdbc:h2:x bob s3cret root", probe(env, "--db-url", "jdbc:h2:x", "--db-user=bob"), "a flag wins over its variable");
    assertEquals("null null null null", probe(Map.of()));
  }

  /** Runs {@link Probe} in a child JVM with {@code env} added to its environment (and the BEACON_ ones of this JVM removed). */
  private static String probe(Map<String, String> env, String... args) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", cp, Probe.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("BEACON_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** Prints what the command line and the environment configure for the database and the admin account. */
  static final class Probe {
    public static void main(String[] args) {
      Config c = Main.parse(args);
      System.out.println(c.dbUrl() + " " + c.dbUser() + " " + c.dbPassword() + " " + c.adminAccount());
    }
  }
}
