package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Release channels: short lower-case names such as "beta"; "stable" when none is given. */
public final class Channels {
  public static final String STABLE = "stable";
  static final int MAX = 32;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private Channels() {}

  /** A channel name from a request: lower case, trimmed; 4000 unless letters, digits, '-' or '_'. */
  public static String parse(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return STABLE;
    }
    String c = raw.trim().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(c).matches()) {
      throw ApiException.badParameter(field + " must be a short channel name (a letter, then letters, digits, '-' or '_', at most "
          + MAX + "), such as stable or beta");
    }
    return c;
  }

  /** Whether a version on {@code versionChannel} is offered to a client asking for {@code asked}. */
  public static boolean serves(String versionChannel, String asked) {
    return STABLE.equals(versionChannel) || versionChannel.equals(asked);
  }
}
