package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.files.Downloads;
import dev.beacon.api.files.FileRef;
import dev.beacon.api.files.StoredFile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * One entry of a version's {@code packages} as a developer sends it: {@code platform} (windows,
 * macos, linux ...), {@code arch} (x64, arm64 ...; absent for any), {@code url} or {@code fileId}
 * (an upload: url, size and hashes come from it), {@code size}, {@code md5}, {@code sha1},
 * {@code sha256}, {@code sha512} (hex, or base64 as electron-builder writes it), {@code edSignature}.
 */
record PackageSpec(String platform, String arch, String url, String fileId, Long size, String md5, String sha1,
    String sha256, String sha512, String edSignature) {
  static final int MAX_PACKAGES = 32;
  private static final Pattern ARCH = Pattern.compile("[a-z0-9_-]{1,32}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

  /** The {@code packages} field of a body: {@code null} when not sent, else the list (empty clears). */
  static List<PackageSpec> listOf(Body b) {
    if (!b.has("packages")) {
      return null;
    }
    Object raw = b.value("packages");
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray arr)) {
      throw ApiException.badParameter("packages must be an array of {platform, arch, url or fileId, size, md5, sha1, sha256, sha512, edSignature}");
    }
    if (arr.size() > MAX_PACKAGES) {
      throw ApiException.badParameter("packages: at most " + MAX_PACKAGES + " per version");
    }
    List<PackageSpec> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      if (!(arr.getValue(i) instanceof JsonObject o)) {
        throw ApiException.badParameter("packages[" + i + "] must be an object");
      }
      out.add(of(Body.of(o), "packages[" + i + "]."));
    }
    return out;
  }

  private static PackageSpec of(Body b, String at) {
    String platform = Platforms.canonical(b.requiredString("platform", 32).trim());
    Platforms.normalize(at + "platform", platform);
    String arch = b.optionalString("arch", 32);
    arch = arch == null || arch.isBlank() ? null : arch.trim().toLowerCase(Locale.ROOT);
    if (arch != null && !ARCH.matcher(arch).matches()) {
      throw ApiException.badParameter(at + "arch must be a short name such as x64 or arm64");
    }
    String fileId = b.optionalNonBlank("fileId", 64);
    String url = b.optionalString("url", PackagePatch.URL_MAX);
    url = url == null || url.isBlank() ? null : url.trim();
    if ((fileId == null) == (url == null)) {
      throw ApiException.badParameter(at + "url or fileId is required (one of them)");
    }
    Long size = null;
    if (b.has("size") && b.value("size") != null) {
      Object v = b.value("size");
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
        throw ApiException.badParameter(at + "size must be a whole number of bytes");
      }
      size = n.longValue();
    }
    String sig = b.optionalString("edSignature", 200);
    return new PackageSpec(platform, arch, url, fileId == null ? null : fileId.trim(), size,
        hash(b, at, "md5", 16), hash(b, at, "sha1", 20), hash(b, at, "sha256", 32), hash(b, at, "sha512", 64),
        sig == null || sig.isBlank() ? null : sig.trim());
  }

  /** A hash field as lower-case hex: given as hex, or as base64 of the right length; null when absent. */
  static String hash(Body b, String at, String field, int bytes) {
    String v = b.optionalString(field, 200);
    if (v == null || v.isBlank()) {
      return null;
    }
    String t = v.trim();
    if (t.length() == bytes * 2 && HEX.matcher(t.toLowerCase(Locale.ROOT)).matches()) {
      return t.toLowerCase(Locale.ROOT);
    }
    try {
      byte[] raw = Base64.getDecoder().decode(t);
      if (raw.length == bytes) {
        return HexFormat.of().formatHex(raw);
      }
    } catch (IllegalArgumentException e) {
      // not base64 either
    }
    throw ApiException.badParameter(at + field + " must be " + (bytes * 2) + " hex digits (or base64 of " + bytes + " bytes)");
  }

  /**
   * The package to store: with {@code fileId}, the developer's upload gives url, size and the
   * hashes (a sent hash that differs is 4007); 4004 for an unknown file.
   */
  VersionPackage resolve(Session s, String openId) {
    VersionPackage p = new VersionPackage();
    p.platform = platform;
    p.arch = arch;
    p.url = url;
    p.size = size;
    p.md5 = md5;
    p.sha1 = sha1;
    p.sha256 = sha256;
    p.sha512 = sha512;
    p.edSignature = edSignature;
    if (fileId != null) {
      StoredFile f = new FileRef(FileRef.FILE_ID, fileId).resolve(s, openId);
      p.fileId = f.id;
      p.url = Downloads.path(f.filename);
      p.size = f.size;
      p.md5 = same("md5", md5, f.md5, f);
      p.sha1 = same("sha1", sha1, f.sha1, f);
      p.sha256 = same("sha256", sha256, f.sha256, f);
      p.sha512 = same("sha512", sha512, f.sha512, f);
    }
    return p;
  }

  private static String same(String field, String sent, String stored, StoredFile f) {
    if (sent != null && stored != null && !sent.equalsIgnoreCase(stored)) {
      throw ApiException.rule(field + " " + sent + " does not match the uploaded file " + f.filename + " (" + stored + ")");
    }
    return stored != null ? stored : sent;
  }
}
