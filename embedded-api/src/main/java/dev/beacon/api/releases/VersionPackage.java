package dev.beacon.api.releases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One package of a version: the build for one platform (windows, macos, linux ...) and
 * architecture (x64, arm64 ..., null for any), where to download it and its hashes (lower-case
 * hex). It belongs to an app version or to a module version, and goes when that is deleted.
 */
@Entity
@Table(name = "version_package")
public class VersionPackage {
  @Id
  @Column(name = "package_id", length = 32)
  public String packageId;

  @Column(name = "app_version_id", length = 32)
  public String appVersionId;

  @Column(name = "module_version_id", length = 32)
  public String moduleVersionId;

  /** Its place in the version's list. */
  @Column(nullable = false)
  public int position;

  @Column(nullable = false, length = 32)
  public String platform;

  @Column(length = 32)
  public String arch;

  @Column(nullable = false, length = 2000)
  public String url;

  /** The uploaded file it was made from, if any. */
  @Column(name = "file_id", length = 32)
  public String fileId;

  @Column(name = "size_bytes")
  public Long size;

  @Column(length = 64)
  public String md5;

  @Column(length = 40)
  public String sha1;

  @Column(length = 64)
  public String sha256;

  @Column(length = 128)
  public String sha512;

  /** Sparkle's EdDSA signature of the package, made by the developer's own Sparkle tools. */
  @Column(name = "ed_signature", length = 200)
  public String edSignature;

  /** The version it belongs to (app or module). */
  public String versionId() {
    return appVersionId != null ? appVersionId : moduleVersionId;
  }
}
