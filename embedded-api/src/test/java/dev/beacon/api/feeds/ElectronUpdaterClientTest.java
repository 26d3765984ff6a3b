package dev.beacon.api.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.yaml.snakeyaml.Yaml;

/**
 * electron-updater itself (npm {@code electron-updater} 6.8.10, its {@code AppUpdater} with the
 * generic provider, run by Node outside Electron: {@code src/test/resources/electron-updater/check.js})
 * against a Beacon feed: the install's staging id (its {@code userData/.updaterId}) goes out as
 * {@code x-user-staging-id}, Beacon buckets it, and the client's own version comparison decides.
 * Runs where {@code node} and {@code npm} are installed; skipped when npm cannot install the package.
 */
@EnabledIf(value = "nodeAndNpm", disabledReason = "needs node and npm on the PATH")
class ElectronUpdaterClientTest extends ServerTest {
  static Path work;

  static boolean nodeAndNpm() {
    return runs("node", "--version") && runs("npm", "--version");
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @BeforeAll
  static void installElectronUpdater() throws Exception {
    work = Path.of("target", "electron-updater-check").toAbsolutePath();
    Files.createDirectories(work);
    for (String f : new String[] {"package.json", "check.js"}) {
      try (InputStream in = ElectronUpdaterClientTest.class.getResourceAsStream("/electron-updater/" + f)) {
        Files.write(work.resolve(f), in.readAllBytes());
      }
    }
    if (!Files.isDirectory(work.resolve("node_modules/electron-updater"))) {
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(work.toFile()).redirectErrorStream(true).start();
      String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean done = npm.waitFor(300, TimeUnit.SECONDS);
      Assumptions.assumeTrue(done && npm.exitValue() == 0, "npm could not install electron-updater: " + out);
    }
  }

  /** electron-updater's check for an install with this staging id, on version {@code current}. */
  private static JsonObject check(String feedUrl, String current, String stagingId) throws Exception {
    Path userData = Files.createTempDirectory(work, "user-data-");
    Files.writeString(userData.resolve(".updaterId"), stagingId);
    Process node = new ProcessBuilder("node", "check.js", feedUrl, current, userData.toString())
        .directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(node.waitFor(60, TimeUnit.SECONDS), "electron-updater's check did not end");
    String last = out.substring(out.lastIndexOf('\n') + 1);
    JsonObject r = new JsonObject(last);
    assertEquals(0, node.exitValue(), out);
    return r;
  }

  @Test
  void electronUpdaterGetsWhatBeaconDecidesForItsStagingId() throws Exception {
    FeedsApiTest.Fixture f = FeedsApiTest.fixture("Electron client");
    String feed = server.base() + "/feeds/" + f.key() + "/";
    List<String> inside = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String id = UUID.nameUUIDFromBytes(("install " + i).getBytes(StandardCharsets.UTF_8)).toString();
      JsonObject r = check(feed, "1.0.0", id);
      Resp raw = server.anonymous().send(server.anonymous().request("/feeds/" + f.key() + "/latest-linux.yml")
          .header("x-user-staging-id", id).GET());
      Map<String, Object> beacon = new Yaml().load(raw.raw());
      assertEquals(beacon.get("version"), r.getString("version"), "the client read Beacon's answer for its staging id");
      assertEquals(null, r.getValue("stagingPercentage"), "Beacon decided: no second filter on the client");
      if (r.getBoolean("available")) {
        assertEquals("2.0.0", r.getString("version"));
        inside.add(id);
      } else {
        assertEquals("1.0.0", r.getString("version"), r::encode);
        outside.add(id);
      }
    }
    assertTrue(!inside.isEmpty() && !outside.isEmpty(), "a 30% rollout reaches some installs and not others: " + inside.size());
    String sha512 = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-512")
        .digest(f.files().get("lin2")));
    assertEquals(sha512, check(feed, "1.0.0", inside.get(0)).getJsonArray("files").getJsonObject(0).getString("sha512"));

    FeedFixtures.act(f.dev(), f.appId(), f.versionIds().get(1), new JsonObject().putNull("halt"));
    JsonObject halted = check(feed, "1.0.0", inside.get(0));
    assertEquals(false, halted.getBoolean("available"), "halted: no longer offered to an install without it: " + halted);
    FeedFixtures.act(f.dev(), f.appId(), f.versionIds().get(1), new JsonObject().putNull("complete"));
    assertEquals(true, check(feed, "1.0.0", outside.get(0)).getBoolean("available"), "complete: every install");

    String summary = "/v1/user/" + f.dev().openId + "/app/" + f.appId() + "/stats/summary";
    assertEquals(inside.size() + outside.size(), f.dev().get(summary).json().getInteger("dau"),
        "each install that checked counts once in usage");
  }
}
