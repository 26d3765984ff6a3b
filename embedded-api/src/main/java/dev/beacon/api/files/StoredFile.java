package dev.beacon.api.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An uploaded file kept in {@code DATA/files} under a server-made name. */
@Entity
@Table(name = "stored_file")
public class StoredFile {
  @Id
  @Column(name = "file_id", length = 32)
  public String id;

  /** The server-made name on disk and in {@code /files/{filename}}. */
  @Column(nullable = false, length = 64)
  public String filename;

  /** The name the uploader's file had (its last path segment), for people. */
  @Column(name = "original_name", length = 255)
  public String originalName;

  @Column(name = "size_bytes", nullable = false)
  public long size;

  /** Lower-case hex MD5 of the content. */
  @Column(nullable = false, length = 32)
  public String md5;

  /** Lower-case hex SHA-1, SHA-256 and SHA-512 of the content, computed while the upload streamed (update feeds need them). */
  @Column(length = 40)
  public String sha1;

  @Column(length = 64)
  public String sha256;

  @Column(length = 128)
  public String sha512;

  /** The content type the uploader declared, if any. */
  @Column(name = "content_type", length = 255)
  public String contentType;

  /** The developer (or admin) who uploaded it. */
  @Column(name = "open_id", nullable = false, length = 32)
  public String openId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
