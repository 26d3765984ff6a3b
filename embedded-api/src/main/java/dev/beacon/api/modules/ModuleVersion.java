package dev.beacon.api.modules;

import dev.beacon.api.releases.PackagedVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A version of a module: the fields every version has, under its module. */
@Entity
@Table(name = "module_version")
public class ModuleVersion extends PackagedVersion {
  /** {@code active} as the module sections of the seed say: 1 released, 0 not released. */
  public static final int ACTIVE_RELEASED = 1;
  public static final int ACTIVE_NOT_RELEASED = 0;

  @Column(name = "module_id", nullable = false, length = 32)
  public String moduleId;

  public int active() {
    return released ? ACTIVE_RELEASED : ACTIVE_NOT_RELEASED;
  }

  @Override
  public boolean moduleVersion() {
    return true;
  }

  /** A module version may be released without an md5: the seed's module bodies carry none (its upgrade answers {@code md5: null}). */
  @Override
  protected boolean md5Required() {
    return false;
  }

  @Override
  public String parentId() {
    return moduleId;
  }
}
