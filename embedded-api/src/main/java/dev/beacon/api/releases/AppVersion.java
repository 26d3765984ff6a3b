package dev.beacon.api.releases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A version of an app: its package, notes, targeting, and whether it is released. */
@Entity
@Table(name = "app_version")
public class AppVersion {
  /** {@code active} as the contract reads the seed: 1 released, 2 not released. */
  public static final int ACTIVE_RELEASED = 1;
  public static final int ACTIVE_NOT_RELEASED = 2;

  @Id
  @Column(name = "version_id", length = 32)
  public String versionId;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  /** The version name shown to people and compared by family A, e.g. "1.2.0". */
  @Column(nullable = false)
  public String name;

  /** The integer version code, unique within the app; family B's upgrades compare it. */
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

  /** The platforms this version serves, lower case and separated by ','; {@code null} for all. */
  @Column(length = 255)
  public String platforms;

  @Column(name = "force_update", nullable = false)
  public boolean forceUpdate;

  @Column(nullable = false)
  public boolean released;

  @Column(name = "released_at")
  public Instant releasedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public int active() {
    return released ? ACTIVE_RELEASED : ACTIVE_NOT_RELEASED;
  }

  /** Whether the version has what a client needs to download it. */
  public boolean hasPackage() {
    return url != null && md5 != null;
  }
}
