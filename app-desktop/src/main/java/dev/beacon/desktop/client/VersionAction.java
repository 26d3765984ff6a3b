package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * A release action on a version, as {@code .../action} takes it: release at a percentage, change
 * the percentage, halt, resume, complete, roll back.
 *
 * @param kind release, rollout, halt, resume, complete or rollback
 * @param percent the percentage for release and rollout
 */
public record VersionAction(String kind, int percent) {
  public static VersionAction release(int percent) {
    return new VersionAction("release", percent);
  }

  public static VersionAction rollout(int percent) {
    return new VersionAction("rollout", percent);
  }

  public static VersionAction halt() {
    return new VersionAction("halt", 0);
  }

  public static VersionAction resume() {
    return new VersionAction("resume", 0);
  }

  public static VersionAction complete() {
    return new VersionAction("complete", 0);
  }

  public static VersionAction rollback() {
    return new VersionAction("rollback", 0);
  }

  /** The request body. */
  JsonObject json() {
    return switch (kind) {
      case "release" -> new JsonObject().put("release", new JsonObject().put("rollout", percent));
      case "rollout" -> new JsonObject().put("rollout", percent);
      default -> new JsonObject().putNull(kind);
    };
  }
}
