package dev.beacon.api.content.lightmodules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A category of light modules, with a doc that introduces it. Names are unique. */
@Entity
@Table(name = "light_module_category")
public class LightModuleCategory {
  public static final int NAME_MAX = 255;

  @Id
  @Column(name = "category_id", length = 32)
  public String categoryId;

  @Column(nullable = false, length = NAME_MAX)
  public String name;

  @Column(name = "doc_id", nullable = false, length = 32)
  public String docId;

  /** 1 ordinary, 2 featured ({@link LightModule#TYPES}). */
  @Column(nullable = false)
  public int type;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
