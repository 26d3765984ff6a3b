package dev.beacon.api.errors;

import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file that came with an error event (a log file, a minidump: kept as sent, never symbolicated).
 * The bytes are the file {@code DATA/error-attachments/{attachmentId}}; the row goes with its event
 * (deleting the event deletes it) and retention deletes both.
 */
@Entity
@Table(name = "error_attachment")
public class ErrorAttachment {
  @Id
  @Column(name = "attachment_id", length = 32)
  public String attachmentId;

  @Column(name = "event_id", nullable = false)
  public long eventId;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  @Column(nullable = false, length = 255)
  public String filename;

  @Column(name = "content_type", length = 255)
  public String contentType;

  /** Sentry's {@code attachment_type}: {@code event.attachment}, {@code event.minidump} ... */
  @Column(name = "attachment_type", length = 64)
  public String attachmentType;

  @Column(name = "size_bytes", nullable = false)
  public long size;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  JsonObject json() {
    return new JsonObject()
        .put("attachmentId", attachmentId)
        .put("filename", filename)
        .put("contentType", contentType)
        .put("attachmentType", attachmentType)
        .put("size", size)
        .put("createDate", Dates.format(createdAt));
  }
}
