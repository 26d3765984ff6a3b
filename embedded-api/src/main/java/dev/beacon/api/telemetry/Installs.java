package dev.beacon.api.telemetry;

import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.telemetry.ingest.Beat;
import dev.beacon.api.telemetry.store.LatestVersion;
import io.vertx.core.Future;
import java.sql.SQLException;

/**
 * What other features may ask of usage about one installed client: the version of its latest
 * heartbeat (releases: does a machine already have a halted version?), and counting a client that
 * showed up elsewhere (an update-feed request) like a heartbeat. Usable once the server has started.
 */
public final class Installs {
  private final TelemetryFeature telemetry;

  Installs(TelemetryFeature telemetry) {
    this.telemetry = telemetry;
  }

  /**
   * The version the machine's latest heartbeat reported, as far as the open days in memory (the
   * app's last {@code 3} days) go; {@code null} when none is known. Blocking: call it off the event
   * loop, outside a transaction.
   */
  public String latestVersion(String appId, String appSecret, String machineId) throws SQLException {
    if (machineId == null || machineId.isBlank()) {
      return null;
    }
    String hash = MachineHash.of(appSecret, machineId.trim());
    return telemetry.usage().fold().read((c, usage) -> LatestVersion.of(usage, appId, hash));
  }

  /**
   * Counts a client as a heartbeat would (DAU, WAU, MAU, version adoption); completes once logged,
   * or fails as a heartbeat would (unknown or frozen key, queue full).
   */
  public Future<Boolean> sighting(String appKey, String machineId, String version) {
    return telemetry.usage().heartbeat(new Beat(appKey, machineId.trim(), version, telemetry.now()));
  }
}
