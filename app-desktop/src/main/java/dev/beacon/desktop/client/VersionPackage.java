package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One package of a version: the build for a platform (windows, macos, linux) and architecture
 * (empty: any), its url or the uploaded file it came from, size and hashes (hex).
 */
public record VersionPackage(String platform, String arch, String url, String fileId, long size, String md5, String sha1,
    String sha256, String sha512, String edSignature) {

  public static VersionPackage from(JsonObject j) {
    return new VersionPackage(Json.text(j, "platform"), Json.text(j, "arch"), Json.text(j, "url"), Json.text(j, "fileId"),
        Json.number(j, "size", -1), Json.text(j, "md5"), Json.text(j, "sha1"), Json.text(j, "sha256"), Json.text(j, "sha512"),
        Json.text(j, "edSignature"));
  }

  /** A package of an uploaded file: the server fills url, size and hashes from it. */
  public static VersionPackage ofUpload(String platform, String arch, String fileId) {
    return new VersionPackage(platform, arch, "", fileId, -1, "", "", "", "", "");
  }

  /** A package at an external url, with what the developer typed. */
  public static VersionPackage ofUrl(String platform, String arch, String url, String sha512, String edSignature) {
    return new VersionPackage(platform, arch, url, "", -1, "", "", "", sha512, edSignature);
  }

  /** The request's form: the file id when uploaded, else the url and the hashes given. */
  public JsonObject json() {
    JsonObject j = new JsonObject().put("platform", platform);
    put(j, "arch", arch);
    if (!fileId.isEmpty()) {
      j.put("fileId", fileId);
    } else {
      j.put("url", url);
      put(j, "md5", md5);
      put(j, "sha1", sha1);
      put(j, "sha256", sha256);
      put(j, "sha512", sha512);
      if (size >= 0) {
        j.put("size", size);
      }
    }
    put(j, "edSignature", edSignature);
    return j;
  }

  /** The updaters whose feeds leave this package out for a missing hash (electron-updater: SHA-512; Velopack: SHA-1 and SHA-256). */
  public List<String> missingFor() {
    List<String> out = new ArrayList<>();
    if (sha512.isEmpty()) {
      out.add("electron-updater (SHA-512)");
    }
    if (sha1.isEmpty() || sha256.isEmpty()) {
      out.add("Velopack (SHA-1, SHA-256)");
    }
    return out;
  }

  /** The package in one line: platform, architecture and where it is. */
  public String label() {
    String where = !fileId.isEmpty() && url.isEmpty() ? "upload " + fileId : url;
    return platform + (arch.isEmpty() ? "" : " " + arch) + "  " + where;
  }

  private static void put(JsonObject j, String key, String value) {
    if (value != null && !value.isEmpty()) {
      j.put(key, value);
    }
  }
}
