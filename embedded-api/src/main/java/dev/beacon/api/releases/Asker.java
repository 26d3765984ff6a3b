package dev.beacon.api.releases;

import dev.beacon.api.shared.RolloutBucket;
import java.util.Objects;

/**
 * A client asking for an update, as the offer rules need it: its app's secret (for rollout
 * buckets), its machine id (absent: only versions released to everyone), its channel, the
 * version it reports having (a name, a code or neither) and, asked only when needed, the version
 * of its latest heartbeat.
 */
public final class Asker {
  /** Looks up the version of a machine's latest heartbeat (blocking); null when unknown. */
  @FunctionalInterface
  public interface Heartbeats {
    String latest() throws Exception;
  }

  private final String secret;
  private final String machineId;
  private final String channel;
  private final String currentName;
  private final Integer currentCode;
  private final Heartbeats heartbeats;
  private boolean looked;
  private String heartbeatVersion;

  public Asker(String secret, String machineId, String channel, String currentName, Integer currentCode, Heartbeats heartbeats) {
    this.secret = secret;
    this.machineId = machineId == null || machineId.isBlank() ? null : machineId.trim();
    this.channel = channel == null ? Channels.STABLE : channel;
    this.currentName = currentName;
    this.currentCode = currentCode;
    this.heartbeats = heartbeats;
  }

  public String machineId() {
    return machineId;
  }

  public String channel() {
    return channel;
  }

  /**
   * Whether the version may be offered: on the client's channel or stable; released to everyone;
   * rolling and the machine inside its percentage (or already on it); halted and the machine
   * already on it.
   */
  public boolean offerable(PackagedVersion v) {
    if (!Channels.serves(v.channel, channel)) {
      return false;
    }
    return switch (v.releaseState()) {
      case RELEASED -> true;
      case ROLLING -> machineId != null && RolloutBucket.inside(secret, machineId, v.versionId, v.rollout) || has(v);
      case HALTED -> has(v);
      default -> false;
    };
  }

  /** Whether the machine has the version: its request or its latest heartbeat says so. */
  public boolean has(PackagedVersion v) {
    if (currentCode != null && currentCode == v.code || currentName != null && currentName.trim().equals(v.name)) {
      return true;
    }
    return Objects.equals(v.name, heartbeatVersion());
  }

  private String heartbeatVersion() {
    if (!looked) {
      looked = true;
      try {
        heartbeatVersion = machineId == null || heartbeats == null ? null : heartbeats.latest();
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the machine's latest heartbeat: " + e.getMessage(), e);
      }
    }
    return heartbeatVersion;
  }
}
