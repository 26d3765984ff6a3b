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

  @Column(nullable = false)
  public boolean released;

  @Column(name = "released_at")
  public Instant releasedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** The id of what the version belongs to (the app or the module). */
  public abstract String parentId();

  /** Whether the version has what a client needs to download it. */
  public boolean hasPackage() {
    return url != null && md5 != null;
  }

  /** Releases the version (the rule: it needs a url and an md5) or takes it back. */
  public void setReleased(boolean release, Instant now) {
    if (release && !hasPackage()) {
      throw ApiException.rule("version " + name + " cannot be released without a url and an md5 of its package");
    }
    if (released != release) {
      released = release;
      releasedAt = release ? now : null;
      updatedAt = now;
    }
  }

  /** After an edit: a released version must keep its package. */
  void checkStillReleasable() {
    if (released && !hasPackage()) {
      throw ApiException.rule("a released version needs a url and an md5; disable it before clearing them");
    }
  }
}
