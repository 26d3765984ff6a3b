package dev.beacon.api.telemetry.ingest;

import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.GroupCommit.Outcome;
import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.telemetry.store.HashedBeat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Heartbeats on their way into storage: their app keys checked (401 unknown, 403 frozen), and the
 * accepted ones turned into what is stored: the machine's HMAC under the app's secret, and the day
 * in the app's zone at the moment the heartbeat was received.
 */
public final class KeyCheck {
  /** The outcome of each beat, in order, and what is stored of the accepted ones, in the same order. */
  public record Checked(List<Outcome<Boolean>> outcomes, List<HashedBeat> accepted) {}

  private KeyCheck() {}

  /** The distinct app keys of the beats. */
  public static List<String> keys(List<Beat> beats) {
    return beats.stream().map(b -> b.appKey().trim()).distinct().toList();
  }

  /** Checks each beat against {@code apps} (their apps by key, as {@link AppDirectory#byKeys} finds them). */
  public static Checked check(Map<String, AppDirectory.Entry> apps, List<Beat> beats) {
    List<Outcome<Boolean>> outcomes = new ArrayList<>(beats.size());
    List<HashedBeat> accepted = new ArrayList<>(beats.size());
    Map<String, UnaryOperator<String>> hashers = new HashMap<>();
    for (Beat b : beats) {
      AppDirectory.Entry app = apps.get(b.appKey().trim());
      if (app == null || app.frozen()) {
        outcomes.add(Outcome.failed(app == null ? ApiException.authFailed("unknown app_key") : ApiException.forbidden("the app is frozen")));
        continue;
      }
      outcomes.add(Outcome.ok(true));
      String hash = hashers.computeIfAbsent(app.appId(), k -> MachineHash.hasher(app.secret())).apply(b.machineId());
      accepted.add(new HashedBeat(app.appId(), hash, b.version(), LocalDate.ofInstant(b.at(), app.zone()), b.at()));
    }
    return new Checked(outcomes, accepted);
  }
}
