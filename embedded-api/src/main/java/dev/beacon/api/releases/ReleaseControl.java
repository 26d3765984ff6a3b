package dev.beacon.api.releases;

import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * What other features may see and do of an app's releases without a developer's request: list
 * the versions in a partial rollout, and halt one through the same action as
 * {@code POST .../version/{versionId}/action {"halt":null}}, recorded in the version's history as
 * made by Beacon ({@value #BY_BEACON}). Every method runs inside a transaction the caller opened.
 */
public final class ReleaseControl {
  /** The {@code openId} of a change Beacon made by itself (an auto-halt). */
  public static final String BY_BEACON = "beacon";

  /** A version of an app in a partial rollout. */
  public record Rolling(String versionId, String name, String channel, int rollout, Instant since) {}

  private final VersionStore<AppVersion> store = new VersionStore<>(AppVersion.class, "appId", "app");

  ReleaseControl() {}

  /** The app's versions now rolling out to part of its machines, highest code first. */
  public List<Rolling> rolling(Session s, String appId) {
    return store.released(s, appId).stream()
        .filter(v -> v.releaseState() == ReleaseState.ROLLING)
        .map(v -> new Rolling(v.versionId, v.name, v.channel, v.rollout, v.rolloutAt))
        .toList();
  }

  /**
   * Halts the app's version as the halt action does, with {@code comment} in its history; false
   * when it is no longer rolling or released (nothing changes then).
   */
  public boolean halt(Session s, String appId, String versionId, String comment, Instant now) {
    AppVersion v = store.find(s, appId, versionId);
    ReleaseState state = v.releaseState();
    if (state != ReleaseState.ROLLING && state != ReleaseState.RELEASED) {
      return false;
    }
    String note = comment == null ? null : comment.substring(0, Math.min(comment.length(), ReleaseAction.COMMENT_MAX));
    store.act(s, v, new ReleaseAction(ReleaseAction.Kind.HALT, v.rollout, false, note), BY_BEACON, now);
    return true;
  }

  /** The version's name, or null when the app has no such version. */
  public String name(Session s, String appId, String versionId) {
    AppVersion v = s.find(AppVersion.class, versionId);
    return v == null || !appId.equals(v.appId) ? null : v.name;
  }
}
