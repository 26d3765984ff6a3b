package dev.beacon.api.files;

import dev.beacon.api.core.Ids;
import io.vertx.core.http.MimeMapping;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Stored file names: made by the server as 32 random hex digits plus the original's extension
 * when it is a safe one ({@code .apk}, {@code .zip}, {@code .tar.gz} ...). Only names of that
 * shape are ever served or deleted, so no name can point outside the storage folder.
 */
public final class FileNames {
  /** The shape of every stored name. */
  static final Pattern STORED = Pattern.compile("[0-9a-f]{32}(\\.tar)?(\\.[a-z0-9]{1,16})?");
  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,16}");
  static final int ORIGINAL_MAX = 255;

  private FileNames() {}

  /** A fresh stored name for a file uploaded as {@code original}. */
  static String newName(String original) {
    return Ids.randomHex(16) + extension(original);
  }

  /** Whether the text has the shape of a stored name. */
  public static boolean isStored(String name) {
    return name != null && STORED.matcher(name).matches();
  }

  /** ".ext" (or ".tar.gz") of the original name when it is short, letters and digits only; else "". */
  static String extension(String original) {
    if (original == null) {
      return "";
    }
    String name = baseName(original).toLowerCase(Locale.ROOT);
    String[] parts = name.split("\\.", -1);
    if (parts.length < 2 || parts[0].isEmpty() && parts.length == 2) {
      return "";
    }
    String last = parts[parts.length - 1];
    if (!EXTENSION.matcher(last).matches()) {
      return "";
    }
    boolean tar = parts.length >= 3 && parts[parts.length - 2].equals("tar") && !last.equals("tar");
    return (tar ? ".tar." : ".") + last;
  }

  /** The last path segment of an uploaded file's name, without control characters, at most 255 long. */
  static String baseName(String original) {
    if (original == null) {
      return null;
    }
    String s = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
    s = s.replaceAll("\\p{Cntrl}", "").trim();
    if (s.isEmpty()) {
      return null;
    }
    return s.length() > ORIGINAL_MAX ? s.substring(s.length() - ORIGINAL_MAX) : s;
  }

  /** The Content-Type a stored name is served with, from its extension. */
  static String contentType(String name) {
    String type = MimeMapping.mimeTypeForFilename(name);
    return type == null ? "application/octet-stream" : type;
  }
}
