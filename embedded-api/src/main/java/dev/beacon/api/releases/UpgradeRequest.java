package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import java.util.List;
import java.util.Optional;

/**
 * A family B upgrade check's common fields: {@code appId}, {@code appKey} and the optional
 * {@code deviceId} (an addition to the seed: with it, targeted versions are filtered here, and it
 * is the machine id of staged rollouts), {@code channel} (absent: stable) and {@code versionCode}
 * (the code the client has: it keeps a halted version it already has).
 */
public record UpgradeRequest(String appId, String appKey, String deviceId, String channel, Integer versionCode) {
  public static UpgradeRequest of(Body b) {
    String appId = b.requiredString("appId", 64).trim();
    String appKey = b.requiredString("appKey", 64);
    String deviceId = b.optionalString("deviceId", 255);
    return new UpgradeRequest(appId, appKey, deviceId == null || deviceId.isBlank() ? null : deviceId.trim(),
        Channels.parse("channel", b.optionalString("channel", 64)), b.optionalInt("versionCode"));
  }

  /** The asker these fields describe, for an app with this secret. */
  public Asker asker(String secret, Asker.Heartbeats heartbeats) {
    return new Asker(secret, deviceId, channel, null, versionCode, heartbeats);
  }

  /**
   * The version to offer among the released ones (highest code first), or a 4004 naming what
   * has nothing released.
   */
  public <V extends PackagedVersion> V choose(List<V> released, String what, Asker asker) {
    Optional<V> v = ReleaseChooser.upgrade(released, deviceId, asker);
    return v.orElseThrow(() -> ApiException.notFound(what + " has no released version"
        + (Channels.STABLE.equals(channel) ? "" : " on channel " + channel + " or stable")
        + (deviceId == null ? "" : " for device " + deviceId)));
  }
}
