package dev.beacon.api.releases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A version of an app: the shared version fields plus platforms and forced updates. */
@Entity
@Table(name = "app_version")
public class AppVersion extends PackagedVersion {
  /** {@code active} as the contract reads the seed: 1 released, 2 not released. */
  public static final int ACTIVE_RELEASED = 1;
  public static final int ACTIVE_NOT_RELEASED = 2;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  /** The platforms this version serves, lower case and separated by ','; {@code null} for all. */
  @Column(length = 255)
  public String platforms;

  @Column(name = "force_update", nullable = false)
  public boolean forceUpdate;

  public int active() {
    return released ? ACTIVE_RELEASED : ACTIVE_NOT_RELEASED;
  }

  @Override
  public boolean moduleVersion() {
    return false;
  }

  @Override
  public String parentId() {
    return appId;
  }
}
