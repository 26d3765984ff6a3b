package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The platforms a version serves ("windows,linux"), and matching them against the free text a
 * client sends ({@code platform.system().lower()}, {@code process.platform}, {@code os.name}).
 * Windows and macOS go by several names: any name starting with "win" is Windows, any starting
 * with "mac", "darwin" or "osx" is macOS.
 */
final class Platforms {
  static final int MAX_LENGTH = 255;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9 ._-]{0,31}");

  private Platforms() {}

  /**
   * The stored form (lower case, separated by ',') of a request value: a string "windows,linux"
   * or an array of strings. "" when it names none, which means every platform.
   */
  static String normalize(String field, Object raw) {
    List<String> given = new ArrayList<>();
    if (raw instanceof JsonArray arr) {
      for (Object o : arr) {
        if (!(o instanceof String s)) {
          throw ApiException.badParameter(field + " must be a string like \"windows,linux\" or an array of strings");
        }
        given.add(s);
      }
    } else if (raw instanceof String s) {
      given.addAll(List.of(s.split(",")));
    } else if (raw != null) {
      throw ApiException.badParameter(field + " must be a string like \"windows,linux\" or an array of strings");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String g : given) {
      String p = g.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      if (!NAME.matcher(p).matches()) {
        throw ApiException.badParameter(field + ": '" + (p.length() > 40 ? p.substring(0, 40) + "..." : p)
            + "' is not a platform name (letters, digits, space, '.', '_' or '-', at most 32)");
      }
      names.add(p);
    }
    String joined = String.join(",", names);
    if (joined.length() > MAX_LENGTH) {
      throw ApiException.badParameter(field + " is longer than " + MAX_LENGTH + " characters");
    }
    return joined;
  }

  /** The stored platforms as a list, or {@code null} when the version serves every platform. */
  static List<String> list(String stored) {
    return stored == null || stored.isEmpty() ? null : List.of(stored.split(","));
  }

  /**
   * Whether a version with these stored platforms serves a client on {@code requested}. A
   * version without platforms serves everyone; one with platforms serves only clients that say
   * which platform they are on.
   */
  static boolean serves(String stored, String requested) {
    List<String> targets = list(stored);
    if (targets == null) {
      return true;
    }
    if (requested == null || requested.isBlank()) {
      return false;
    }
    String want = canonical(requested);
    return targets.stream().anyMatch(t -> canonical(t).equals(want));
  }

  /** One name per platform: windows, macos, or the given name in lower case. */
  static String canonical(String platform) {
    String p = platform.trim().toLowerCase(Locale.ROOT);
    if (p.startsWith("win")) {
      return "windows";
    }
    if (p.startsWith("mac") || p.startsWith("darwin") || p.startsWith("osx")) {
      return "macos";
    }
    return p;
  }
}
