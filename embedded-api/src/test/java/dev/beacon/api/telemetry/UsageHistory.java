package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.MutableClock;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Heartbeats sent to a real server at chosen instants (by setting its clock), remembered so that
 * the expected stats can be counted the slow, obvious way: sets of machines per day.
 */
final class UsageHistory {
  private record Sent(String machine, String version, Instant at) {}

  private final List<TestServer> servers;
  private final MutableClock clock;
  private final String appKey;
  private final List<Sent> sent = new ArrayList<>();

  UsageHistory(TestServer server, MutableClock clock, String appKey) {
    this(List.of(server), clock, appKey);
  }

  /** Heartbeats spread round-robin over servers sharing one database (and {@code clock}). */
  UsageHistory(List<TestServer> servers, MutableClock clock, String appKey) {
    this.servers = servers;
    this.clock = clock;
    this.appKey = appKey;
  }

  /** Sends one heartbeat at {@code at} (instants must not go backwards), to the next server in turn. */
  UsageHistory beat(String machine, String version, Instant at) {
    return beat(servers.get(sent.size() % servers.size()), machine, version, at);
  }

  /** Sends one heartbeat at {@code at} to {@code server}. */
  UsageHistory beat(TestServer server, String machine, String version, Instant at) {
    clock.set(at);
    var r = server.anonymous().post("/api/v1/user/heartbeat",
        new JsonObject().put("app_key", appKey).put("machine_id", machine).put("version", version));
    assertEquals(200, r.status(), r::toString);
    sent.add(new Sent(machine, version, at));
    return this;
  }

  /** The machines with a heartbeat on each day, in {@code zone}. */
  private Map<LocalDate, Set<String>> days(ZoneId zone) {
    Map<LocalDate, Set<String>> out = new HashMap<>();
    sent.forEach(s -> out.computeIfAbsent(LocalDate.ofInstant(s.at(), zone), d -> new HashSet<>()).add(s.machine()));
    return out;
  }

  private int union(Map<LocalDate, Set<String>> days, LocalDate end, int width) {
    Set<String> all = new HashSet<>();
    for (int i = 0; i < width; i++) {
      all.addAll(days.getOrDefault(end.minusDays(i), Set.of()));
    }
    return all.size();
  }

  /** The machines whose version on some day of {@code from..to} (that of their last heartbeat that day) was {@code version}. */
  Set<String> machinesOn(String version, ZoneId zone, LocalDate from, LocalDate to) {
    Map<String, Sent> last = new HashMap<>();
    sent.forEach(s -> last.merge(LocalDate.ofInstant(s.at(), zone) + "/" + s.machine(), s, (a, b) -> b.at().isBefore(a.at()) ? a : b));
    Set<String> out = new HashSet<>();
    last.forEach((key, s) -> {
      LocalDate d = LocalDate.ofInstant(s.at(), zone);
      if (!d.isBefore(from) && !d.isAfter(to) && s.version().equals(version)) {
        out.add(s.machine());
      }
    });
    return out;
  }

  /** How many machines sent anything. */
  long machines() {
    return sent.stream().map(Sent::machine).distinct().count();
  }

  /** The active series as the API should answer it, counted by brute force. */
  JsonArray expectedActive(ZoneId zone, LocalDate from, LocalDate to) {
    Map<LocalDate, Set<String>> days = days(zone);
    Map<String, LocalDate> first = new HashMap<>();
    sent.forEach(s -> first.merge(s.machine(), LocalDate.ofInstant(s.at(), zone), (a, b) -> a.isBefore(b) ? a : b));
    JsonArray out = new JsonArray();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate day = d;
      out.add(new JsonObject()
          .put("date", d.toString())
          .put("dau", days.getOrDefault(d, Set.of()).size())
          .put("wau", union(days, d, 7))
          .put("mau", union(days, d, 30))
          .put("newMachines", first.values().stream().filter(day::equals).count()));
    }
    return out;
  }

  /** Version adoption as the API should answer it: each machine under its last version of the day. */
  JsonArray expectedVersions(ZoneId zone, LocalDate from, LocalDate to) {
    Map<LocalDate, Map<String, Sent>> last = new TreeMap<>();
    sent.forEach(s -> last.computeIfAbsent(LocalDate.ofInstant(s.at(), zone), d -> new HashMap<>())
        .merge(s.machine(), s, (a, b) -> b.at().isBefore(a.at()) ? a : b));
    JsonArray out = new JsonArray();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Map<String, Long> counts = new HashMap<>();
      last.getOrDefault(d, Map.of()).values().forEach(s -> counts.merge(s.version(), 1L, Long::sum));
      JsonArray versions = new JsonArray();
      counts.entrySet().stream()
          .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed().thenComparing(Map.Entry::getKey))
          .forEach(e -> versions.add(new JsonObject().put("version", e.getKey()).put("machines", e.getValue())));
      out.add(new JsonObject().put("date", d.toString()).put("versions", versions));
    }
    return out;
  }
}
