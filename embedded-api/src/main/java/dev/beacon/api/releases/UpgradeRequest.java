package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import java.util.List;
import java.util.Optional;

/**
 * A family B upgrade check's common fields: {@code appId}, {@code appKey} and the optional
 * {@code deviceId} (an addition to the seed: with it, targeted versions are filtered here).
 */
public record UpgradeRequest(String appId, String appKey, String deviceId) {
  public static UpgradeRequest of(Body b) {
    String appId = b.requiredString("appId", 64).trim();
    String appKey = b.requiredString("appKey", 64);
    String deviceId = b.optionalString("deviceId", 255);
    return new UpgradeRequest(appId, appKey, deviceId == null || deviceId.isBlank() ? null : deviceId.trim());
  }

  /**
   * The version to offer among the released ones (highest code first), or a 4004 naming what
   * has nothing released.
   */
  public <V extends PackagedVersion> V choose(List<V> released, String what) {
    Optional<V> v = ReleaseChooser.upgrade(released, deviceId);
    return v.orElseThrow(() -> ApiException.notFound(what + " has no released version"
        + (deviceId == null ? "" : " for device " + deviceId)));
  }
}
