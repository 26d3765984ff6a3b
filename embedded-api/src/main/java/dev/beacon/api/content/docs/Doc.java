package dev.beacon.api.content.docs;

import dev.beacon.api.content.IntChoice;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/**
 * A public document: a name, a type, and where its text is: a {@code url} (anywhere; Beacon
 * renders it only when it is a markdown file stored on Beacon) and/or inline markdown
 * {@code content} (an addition to the seed, for the console's editor).
 */
@Entity
@Table(name = "doc")
public class Doc {
  public static final int NAME_MAX = 255;
  public static final int URL_MAX = 2000;
  public static final int CONTENT_MAX = 200_000;

  /** The seed's doc types. */
  public static final IntChoice TYPES = IntChoice.of("type", Map.of(
      1, "public doc", 2, "module doc", 3, "native app online doc", 4, "downloads",
      5, "change log", 6, "FAQ", 7, "developer guide"));

  @Id
  @Column(name = "doc_id", length = 32)
  public String docId;

  @Column(nullable = false, length = NAME_MAX)
  public String name;

  @Column(length = URL_MAX)
  public String url;

  @Column(nullable = false)
  public int type;

  @Column(length = CONTENT_MAX)
  public String content;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Where the rendered page of this doc is served. */
  public static String htmlPath(String docId) {
    return "/v1/doc/" + docId + "/html";
  }

  /**
   * The url to show: the stored one, or for a doc that has only inline content, the path of its
   * rendered page.
   */
  public String effectiveUrl() {
    return url != null ? url : htmlPath(docId);
  }
}
