package dev.beacon.api.content.lightmodules;

import dev.beacon.api.content.IntChoice;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/**
 * A light module: a ready-made piece of a light-app SDK, in a category, with pictures and a doc.
 * It is internal-only when its SDK is.
 */
@Entity
@Table(name = "light_module")
public class LightModule {
  public static final int NAME_MAX = 255;
  public static final int PIC_MAX = 2000;
  public static final int DESC_MAX = 255;
  public static final int ORDINARY = 1;

  /** The seed's module types, shared by categories and modules. */
  public static final IntChoice TYPES = IntChoice.of("type", Map.of(ORDINARY, "ordinary", 2, "featured"));

  @Id
  @Column(name = "light_module_id", length = 32)
  public String lightModuleId;

  @Column(nullable = false, length = NAME_MAX)
  public String name;

  @Column(name = "category_id", nullable = false, length = 32)
  public String categoryId;

  @Column(name = "sdk_id", nullable = false, length = 32)
  public String sdkId;

  /** One or more picture urls as the seed writes them ("url1,url2"). */
  @Column(name = "pic_url", nullable = false, length = PIC_MAX)
  public String picUrl;

  @Column(name = "doc_id", nullable = false, length = 32)
  public String docId;

  @Column(name = "description", length = DESC_MAX)
  public String desc;

  @Column(nullable = false)
  public int type;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
