package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;

/**
 * The fields of an app or module version a developer sends on create or edit. {@code null} means
 * "not sent"; for url, md5, desc and deviceIds "" means "clear it" (an edit that sends the field
 * as null or empty).
 */
public record PackagePatch(String name, Integer code, String url, String md5, String desc, String deviceIds) {
  static final int NAME_MAX = 255;
  static final int URL_MAX = 2000;
  static final int MD5_MAX = 64;
  static final int DESC_MAX = 20000;

  /**
   * POST: name, code and url are required; md5 too when {@code md5Required} (app versions, as
   * their seed section says).
   */
  public static PackagePatch forCreate(Body b, boolean md5Required) {
    String name = b.requiredString("name", NAME_MAX).trim();
    int code = checkCode(b.requiredInt("code"));
    String url = b.requiredString("url", URL_MAX).trim();
    String md5 = md5Required ? b.requiredString("md5", MD5_MAX).trim() : trimmed(b.optionalString("md5", MD5_MAX));
    String desc = b.optionalString("desc", DESC_MAX);
    return new PackagePatch(name, code, url, md5, desc == null ? "" : desc,
        DeviceIds.normalize("deviceIds", b.value("deviceIds")));
  }

  /** PUT: every field optional; a name cannot be blank. */
  public static PackagePatch forUpdate(Body b) {
    String name = b.optionalNonBlank("name", NAME_MAX);
    Integer code = b.optionalInt("code");
    return new PackagePatch(name == null ? null : name.trim(), code == null ? null : checkCode(code),
        clearable(b, "url", URL_MAX), clearable(b, "md5", MD5_MAX), clearable(b, "desc", DESC_MAX),
        b.has("deviceIds") ? DeviceIds.normalize("deviceIds", b.value("deviceIds")) : null);
  }

  /** Writes the sent fields into the version. */
  void applyTo(PackagedVersion v) {
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
