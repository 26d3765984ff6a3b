package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What app versions and module versions share: a name, a code unique under the parent, the
 * package (url + md5), notes, device targeting, and whether it is released. Both tables use the
 * same column names.
 */
@MappedSuperclass
public abstract class PackagedVersion {
  @Id
  @Column(name = "version_id", length = 32)
  public String versionId;

  /** The version name shown to people, e.g. "1.2.0" or "calendar_1.0". */
  @Column(nullable = false)
  public String name;

  /** The integer version code, unique under the parent; upgrades compare it. */
  @Column(nullable = false)
  public int code;

  @Column(length = 2000)
  public String url;

  @Column(length = 64)
  public String md5;

  /** Release notes. */
  @Column(name = "description", length = 20000)
  public String desc;

  /** The devices this version is offered to, separated by ';'; {@code null} for every device. */
  @Column(name = "device_ids", length = 20000)
  public String deviceIds;

  /** Whether the version is offered at all: rolling, released or halted ({@link #state}). */
  @Column(nullable = false)
  public boolean released;

  /** The release channel: "stable" unless the developer names another. */
  @Column(nullable = false, length = Channels.MAX)
  public String channel = Channels.STABLE;

  /** The percentage of machines a release reaches (1-100); 100 once complete. */
  @Column(nullable = false)
  public int rollout = 100;

  /** draft, rolling, released, halted or disabled ({@link ReleaseState}). */
  @Column(nullable = false, length = 16)
  public String state = ReleaseState.DRAFT.wire();

  /** Offered even to machines on a newer version (a build that must be pulled back to this one). */
  @Column(nullable = false)
  public boolean downgrade;

  /** The oldest operating system version the package runs on (Sparkle, electron-updater), or null. */
  @Column(name = "min_system_version", length = 64)
  public String minSystemVersion;

  /** When the release or its percentage last changed (Sparkle's phasing starts from it). */
  @Column(name = "rollout_at")
  public Instant rolloutAt;

  @Column(name = "released_at")
  public Instant releasedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** The id of what the version belongs to (the app or the module). */
  public abstract String parentId();

  /** Whether this is a module's version (packages and history rows point at it by another column). */
  public abstract boolean moduleVersion();

  /**
   * Whether an md5 is required to release (app versions: yes; module versions: no, as the seed's
   * module bodies carry none).
   */
  protected boolean md5Required() {
    return true;
  }

  /** Whether the version has what a client needs to download it. */
  public boolean hasPackage() {
    return url != null && (md5 != null || !md5Required());
  }

  public ReleaseState releaseState() {
    return ReleaseState.of(state);
  }

  /** Moves the version to a state and percentage; {@code released} and the dates follow. */
  void moveTo(ReleaseState to, int percent, Instant now) {
    if (to.live() && !hasPackage()) {
      throw ApiException.rule("version " + name + " cannot be released without " + (md5Required() ? "a url and an md5" : "a url")
          + " of its package");
    }
    boolean wasLive = released;
    if (to.live() && !wasLive) {
      releasedAt = now;
    } else if (!to.live()) {
      releasedAt = null;
    }
    if (to.live() && (!wasLive || percent != rollout || releaseState() != to)) {
      rolloutAt = now;
    }
    released = to.live();
    state = to.wire();
    rollout = percent;
    updatedAt = now;
  }

  /** After an edit: a released version must keep its package. */
  void checkStillReleasable() {
    if (released && !hasPackage()) {
      throw ApiException.rule("a released version needs " + (md5Required() ? "a url and an md5" : "a url")
          + "; disable it before clearing them");
    }
  }
}
