package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.files.Downloads;
import dev.beacon.api.files.FileRef;
import dev.beacon.api.files.StoredFile;
import java.util.List;
import org.hibernate.Session;

/**
 * The fields of an app or module version a developer sends on create or edit. {@code null} means
 * "not sent"; for url, md5, desc, deviceIds and minSystemVersion "" means "clear it" (an edit that
 * sends the field as null or empty). A version may name an uploaded file instead of url and md5
 * ({@link FileRef}): {@link #resolve} then fills both from the file. {@code packages}, when sent,
 * replaces the version's list of per-platform packages; a version created with packages only
 * takes its url and md5 from the first.
 */
public record PackagePatch(String name, Integer code, String url, String md5, String desc, String deviceIds, FileRef file,
    String channel, String minSystemVersion, List<PackageSpec> packages, List<VersionPackage> resolvedPackages) {
  static final int NAME_MAX = 255;
  static final int URL_MAX = 2000;
  static final int MD5_MAX = 64;
  static final int DESC_MAX = 20000;

  /**
   * POST: name and code are required, and url unless the body names an uploaded file; md5 too
   * when {@code md5Required} (app versions, as their seed section says).
   */
  public static PackagePatch forCreate(Body b, FileRef file, boolean md5Required) {
    String name = b.requiredString("name", NAME_MAX).trim();
    int code = checkCode(b.requiredInt("code"));
    List<PackageSpec> packages = PackageSpec.listOf(b);
    boolean byPackages = file == null && packages != null && !packages.isEmpty() && !b.has("url");
    String url = file != null || byPackages ? trimmed(b.optionalString("url", URL_MAX)) : b.requiredString("url", URL_MAX).trim();
    String md5 = file == null && !byPackages && md5Required ? b.requiredString("md5", MD5_MAX).trim() : trimmed(b.optionalString("md5", MD5_MAX));
    String desc = b.optionalString("desc", DESC_MAX);
    String min = clearable(b, "minimumSystemVersion", 64);
    return new PackagePatch(name, code, url, md5, desc == null ? "" : desc,
        DeviceIds.normalize("deviceIds", b.value("deviceIds")), file,
        Channels.parse("channel", b.optionalString("channel", 64)), min == null ? "" : min, packages == null ? List.of() : packages, null);
  }

  /** PUT: every field optional; a name cannot be blank. */
  public static PackagePatch forUpdate(Body b, FileRef file) {
    String name = b.optionalNonBlank("name", NAME_MAX);
    Integer code = b.optionalInt("code");
    return new PackagePatch(name == null ? null : name.trim(), code == null ? null : checkCode(code),
        file != null ? null : clearable(b, "url", URL_MAX), clearable(b, "md5", MD5_MAX), clearable(b, "desc", DESC_MAX),
        b.has("deviceIds") ? DeviceIds.normalize("deviceIds", b.value("deviceIds")) : null, file,
        b.has("channel") ? Channels.parse("channel", b.optionalString("channel", 64)) : null,
        clearable(b, "minimumSystemVersion", 64), PackageSpec.listOf(b), null);
  }

  /**
   * The patch with url and md5 taken from the uploaded file it names (4004 when the developer has
   * no such file; 4007 when an md5 was also sent and differs); itself when it names none.
   */
  public PackagePatch resolve(Session s, String openId) {
    List<VersionPackage> resolved = packages == null ? null : packages.stream().map(p -> p.resolve(s, openId)).toList();
    if (file == null) {
      return new PackagePatch(name, code, url, md5, desc, deviceIds, null, channel, minSystemVersion, packages, resolved);
    }
    StoredFile f = file.resolve(s, openId);
    if (md5 != null && !md5.isEmpty() && !md5.equalsIgnoreCase(f.md5)) {
      throw ApiException.rule("md5 " + md5 + " does not match the uploaded file " + f.filename + " (md5 " + f.md5 + ")");
    }
    return new PackagePatch(name, code, Downloads.path(f.filename), f.md5, desc, deviceIds, null, channel, minSystemVersion,
        packages, resolved);
  }

  /** Writes the sent fields into the version. */
  void applyTo(PackagedVersion v) {
    if (file != null) {
      throw new IllegalStateException("resolve the file reference first");
    }
    if (name != null) {
      v.name = name;
    }
    if (code != null) {
      v.code = code;
    }
    if (url != null) {
      v.url = emptyToNull(url);
    }
    if (md5 != null) {
      v.md5 = emptyToNull(md5);
    }
    if (desc != null) {
      v.desc = emptyToNull(desc);
    }
    if (deviceIds != null) {
      v.deviceIds = emptyToNull(deviceIds);
    }
    if (channel != null) {
      v.channel = channel;
    }
    if (minSystemVersion != null) {
      v.minSystemVersion = emptyToNull(minSystemVersion);
    }
    if (v.url == null && resolvedPackages != null && !resolvedPackages.isEmpty()) {
      v.url = resolvedPackages.get(0).url;
      v.md5 = v.md5 != null ? v.md5 : resolvedPackages.get(0).md5;
    }
  }

  private static int checkCode(int code) {
    if (code < 0) {
      throw ApiException.badParameter("code must be 0 or more, got " + code);
    }
    return code;
  }

  /** The trimmed text if sent, "" if sent as null or blank, {@code null} if not sent. */
  static String clearable(Body b, String field, int max) {
    if (!b.has(field)) {
      return null;
    }
    String s = b.optionalString(field, max);
    return s == null ? "" : s.trim();
  }

  private static String trimmed(String s) {
    return s == null ? null : s.trim();
  }

  static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
