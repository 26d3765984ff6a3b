package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.sentry.SentryFixtures.Item;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Error reports and Sentry events of a few bugs, sent at once from several threads round robin to
 * two servers on one PostgreSQL database, as behind a load balancer (the first events of each bug
 * reach both at the same time): both list the same issues with the same counts, and those are the
 * counts of what was sent (events per bug, distinct machines); an event id sent again to the other
 * server is counted once.
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "several instances share a PostgreSQL database (the CI PostgreSQL run runs this); on H2 one process serves it")
class IssuesAcrossInstancesTest {
  private static final int BUGS = 3;
  private static final int EVENTS = 240;
  private static final int MACHINES = 40;

  @Test
  void bothServersCountEveryBugOnceAndAsSent() throws Exception {
    try (TestServer a = TestServer.start(c -> c.errorRate(0).clientRatePerIp(0).clientRatePerKey(0));
        TestServer b = a.alongside()) {
      Api dev = a.newDeveloper();
      DsnApp app = SentryFixtures.create(dev);
      List<TestServer> servers = List.of(a, b);
      Map<String, Integer> events = new TreeMap<>();
      Map<String, Set<String>> machines = new HashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
          int n = i;
          sent.add(pool.submit(() -> send(servers.get(n % 2), app, n)));
        }
        for (int i = 0; i < EVENTS; i++) {
          assertEquals(200, sent.get(i).get(), "event " + i);
          String bug = (i % 4 < 2 ? "" : "sentry-") + "bug" + (i % BUGS);
          events.merge(bug, 1, Integer::sum);
          machines.computeIfAbsent(bug, k -> new HashSet<>()).add("m" + (i % MACHINES));
        }
      } finally {
        pool.shutdownNow();
      }
      // the same Sentry event again, through the other server: counted once
      String id = SentryFixtures.eventId();
      JsonObject ev = SentryFixtures.javaEvent(id, "Bug0Exception", "com.acme", "bug0", "1.0", new String[][] {{"com.acme.Bug0", "run"}})
          .put("user", new JsonObject().put("id", "m0"));
      for (TestServer s : servers) {
        Resp r = SentryFixtures.post(s.anonymous(), app.envelopePath(),
            SentryFixtures.envelope(new JsonObject().put("event_id", id), Item.of("event", ev, true)), app.auth(), null);
        assertEquals(200, r.status(), r::toString);
        assertEquals(id, r.json().getString("id"));
      }
      events.merge("sentry-bug0", 1, Integer::sum);
      machines.computeIfAbsent("sentry-bug0", k -> new HashSet<>()).add("m0");

      Map<String, String> onA = issues(a, dev, app);
      Map<String, String> onB = issues(b, dev, app);
      assertEquals(onA, onB, "both servers list the same issues and counts");
      Map<String, String> expected = new TreeMap<>();
      events.forEach((bug, count) -> expected.put(bug, count + " events, " + machines.get(bug).size() + " machines"));
      assertEquals(expected, new TreeMap<>(onA.values().stream().collect(java.util.stream.Collectors.toMap(
          line -> line.substring(0, line.indexOf(':')), line -> line.substring(line.indexOf(':') + 2)))));
    }
  }

  /** Event {@code n}: bug {@code n % BUGS} from machine {@code n % MACHINES}, as a family A report (even) or a Sentry event (odd). */
  private static int send(TestServer server, DsnApp app, int n) {
    String bug = "bug" + (n % BUGS);
    String machine = "m" + (n % MACHINES);
    if (n % 4 < 2) {
      return server.anonymous().post("/api/v1/error/report", new JsonObject().put("app_key", app.appKey()).put("machine_id", machine)
          .put("software_version", "1.0").put("error_type", bug.toUpperCase() + "Error").put("error_message", bug + " number " + n)
          .put("error_stack", "at com.acme." + bug + ".Worker.run(Worker.java:" + (10 + n % 5) + ")\nat com.acme.Main.main(Main.java:3)")
          .put("os_info", "Windows 11")).status();
    }
    JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), bug.substring(0, 1).toUpperCase() + bug.substring(1) + "Exception",
        "com.acme", bug, "1.0", new String[][] {{"com.acme." + bug.substring(0, 1).toUpperCase() + bug.substring(1), "run"}})
        .put("user", new JsonObject().put("id", machine));
    return SentryFixtures.post(server.anonymous(), app.envelopePath(),
        SentryFixtures.envelope(new JsonObject(), Item.of("event", ev, true)), app.auth(), null).status();
  }

  /** The app's issues as a server lists them: id to "bug: N events, M machines". */
  private static Map<String, String> issues(TestServer server, Api dev, DsnApp app) {
    Api on = new Api(server.base(), dev.openId, dev.token);
    Resp r = on.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues?orderBy=count:desc&pageSize=50");
    assertEquals(1000, r.code(), r::toString);
    Map<String, String> out = new TreeMap<>();
    for (Object o : r.json().getJsonArray("issues")) {
      JsonObject i = (JsonObject) o;
      out.put(i.getString("issueId"), name(i) + ": " + i.getLong("count") + " events, " + i.getLong("machines") + " machines");
    }
    return out;
  }

  /** Which bug an issue is: family A reports name their type BUGnError, Sentry events BugnException. */
  private static String name(JsonObject issue) {
    String text = issue.encode();
    for (int b = 0; b < BUGS; b++) {
      if (text.contains("\"BUG" + b + "Error\"")) {
        return "bug" + b;
      }
      if (text.contains("Bug" + b + "Exception")) {
        return "sentry-bug" + b;
      }
    }
    return "unknown: " + text;
  }
}
