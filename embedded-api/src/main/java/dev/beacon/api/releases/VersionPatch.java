package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;

/**
 * The fields a developer sends to create or edit a version. {@code null} means "not sent"; for
 * url, md5, desc, deviceIds and platforms "" means "clear it" (an edit that sends the field as
 * null or empty).
 */
record VersionPatch(String name, Integer code, String url, String md5, String desc, String deviceIds,
    String platforms, Boolean forceUpdate) {
  static final int NAME_MAX = 255;
  static final int URL_MAX = 2000;
  static final int MD5_MAX = 64;
  static final int DESC_MAX = 20000;

  /** POST: name, code, url and md5 are required (as the seed says); the rest is optional. */
  static VersionPatch forCreate(Body b) {
    String name = b.requiredString("name", NAME_MAX).trim();
    int code = checkCode(b.requiredInt("code"));
    String url = b.requiredString("url", URL_MAX).trim();
    String md5 = b.requiredString("md5", MD5_MAX).trim();
    String desc = b.optionalString("desc", DESC_MAX);
    Boolean force = b.optionalBoolean("forceUpdate");
    return new VersionPatch(name, code, url, md5, desc == null ? "" : desc,
        DeviceIds.normalize("deviceIds", b.value("deviceIds")),
        Platforms.normalize("platforms", b.value("platforms")),
        force != null && force);
  }

  /** PUT: every field optional; a name cannot be blank. */
  static VersionPatch forUpdate(Body b) {
    String name = b.optionalNonBlank("name", NAME_MAX);
    Integer code = b.optionalInt("code");
    return new VersionPatch(name == null ? null : name.trim(), code == null ? null : checkCode(code),
        clearable(b, "url", URL_MAX), clearable(b, "md5", MD5_MAX), clearable(b, "desc", DESC_MAX),
        b.has("deviceIds") ? DeviceIds.normalize("deviceIds", b.value("deviceIds")) : null,
        b.has("platforms") ? Platforms.normalize("platforms", b.value("platforms")) : null,
        b.optionalBoolean("forceUpdate"));
  }

  /** Writes the sent fields into the version. */
  void applyTo(AppVersion v) {
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
    if (platforms != null) {
      v.platforms = emptyToNull(platforms);
    }
    if (forceUpdate != null) {
      v.forceUpdate = forceUpdate;
    }
  }

  private static int checkCode(int code) {
    if (code < 0) {
      throw ApiException.badParameter("code must be 0 or more, got " + code);
    }
    return code;
  }

  /** The trimmed text if sent, "" if sent as null or blank, {@code null} if not sent. */
  private static String clearable(Body b, String field, int max) {
    if (!b.has(field)) {
      return null;
    }
    String s = b.optionalString(field, max);
    return s == null ? "" : s.trim();
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
