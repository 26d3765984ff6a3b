package dev.beacon.api.content.sdks;

import dev.beacon.api.content.IntChoice;
import dev.beacon.api.content.InternalMaterial;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/** An SDK offered to developers; with authority 0 only internal developers see it and what hangs on it. */
@Entity
@Table(name = "sdk")
public class Sdk {
  public static final int NAME_MAX = 255;
  public static final int DESC_MAX = 4000;
  public static final int VERSION_MAX = 64;
  public static final int LIGHT_APP = 1;

  public static final IntChoice AUTHORITIES = IntChoice.of("authority", Map.of(
      InternalMaterial.INTERNAL_AUTHORITY, "internal developers only", 1, "everyone"));
  /** The seed's table says 3 for all platforms; its samples send 0: both mean all platforms. */
  public static final IntChoice PLATFORMS = IntChoice.of("platform", Map.of(
      0, "all platforms", 1, "Android", 2, "iOS", 3, "all platforms"));
  public static final IntChoice TYPES = IntChoice.of("type", Map.of(LIGHT_APP, "light app", 2, "native SDK"));

  @Id
  @Column(name = "sdk_id", length = 32)
  public String sdkId;

  @Column(nullable = false, length = NAME_MAX)
  public String name;

  @Column(nullable = false, length = NAME_MAX)
  public String provider;

  @Column(nullable = false)
  public int authority;

  @Column(name = "description", length = DESC_MAX)
  public String desc;

  @Column(nullable = false)
  public int platform;

  @Column(nullable = false)
  public int type;

  /** The SDK's version (an addition: the light-module detail answers {@code sdkVersion}). */
  @Column(length = VERSION_MAX)
  public String version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public boolean internalOnly() {
    return authority == InternalMaterial.INTERNAL_AUTHORITY;
  }
}
