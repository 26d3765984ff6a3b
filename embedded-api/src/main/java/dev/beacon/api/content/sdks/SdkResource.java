package dev.beacon.api.content.sdks;

import dev.beacon.api.content.IntChoice;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/**
 * A resource: an html page, a markdown doc (with its {@code docId}), an SDK package (needs an
 * SDK), an SDK sample or a doc package, found at {@code url}.
 */
@Entity
@Table(name = "sdk_resource")
public class SdkResource {
  public static final int NAME_MAX = 255;
  public static final int URL_MAX = 2000;
  public static final int MARKDOWN_DOC = 2;
  public static final int SDK_PACKAGE = 3;

  public static final IntChoice TYPES = IntChoice.of("type", Map.of(
      1, "html", MARKDOWN_DOC, "markdown doc", SDK_PACKAGE, "SDK package", 4, "SDK sample", 5, "doc package"));

  @Id
  @Column(name = "resource_id", length = 32)
  public String resourceId;

  @Column(nullable = false, length = NAME_MAX)
  public String name;

  @Column(nullable = false)
  public int type;

  @Column(name = "sdk_id", length = 32)
  public String sdkId;

  @Column(name = "doc_id", length = 32)
  public String docId;

  @Column(nullable = false, length = URL_MAX)
  public String url;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
