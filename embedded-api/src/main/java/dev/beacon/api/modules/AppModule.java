package dev.beacon.api.modules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A module of an app (a plug-in, a calendar ...), upgraded on its own through its own versions. */
@Entity
@Table(name = "app_module")
public class AppModule {
  @Id
  @Column(name = "module_id", length = 32)
  public String moduleId;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  @Column(nullable = false)
  public String name;

  @Column(name = "description", length = 4000)
  public String desc;

  @Column(length = 2000)
  public String icon;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
