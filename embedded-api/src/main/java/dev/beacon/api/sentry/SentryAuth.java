package dev.beacon.api.sentry;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/**
 * Where a Sentry SDK puts its DSN's public key: the {@code X-Sentry-Auth} header
 * ({@code Sentry sentry_version=7, sentry_client=..., sentry_key=KEY}), the {@code sentry_key}
 * query parameter, or the {@code dsn} of the envelope's header ({@link #keyOfDsn}).
 */
final class SentryAuth {
  /** Keys are at most this long (Beacon's are 32 hex digits); a longer value is no key. */
  static final int MAX_KEY = 64;
  private static final String NAME = "sentry_key";

  private SentryAuth() {}

  /** The key the request carries outside its body (header first, then query), or {@code null}. */
  static String keyOf(RoutingContext ctx) {
    String header = ctx.request().getHeader("X-Sentry-Auth");
    if (header == null) {
      // some SDKs (and proxies) send it as Authorization: Sentry ...
      String auth = ctx.request().getHeader("Authorization");
      header = auth != null && auth.regionMatches(true, 0, "Sentry ", 0, 7) ? auth : null;
    }
    if (header != null) {
      String key = headerKey(header);
      if (key != null) {
        return plain(key);
      }
    }
    return plain(ctx.request().getParam("sentry_key"));
  }

  /**
   * The value of {@code sentry_key=} in an auth header: the first {@code sentry_key} at the start or
   * after white space or a comma, then {@code =} (white space around it allowed) and the characters
   * up to a comma or white space (at least one); {@code null} when there is none.
   */
  static String headerKey(String header) {
    for (int at = header.indexOf(NAME); at >= 0; at = header.indexOf(NAME, at + 1)) {
      if (at > 0 && !isSpace(header.charAt(at - 1)) && header.charAt(at - 1) != ',') {
        continue;
      }
      int i = at + NAME.length();
      while (i < header.length() && isSpace(header.charAt(i))) {
        i++;
      }
      if (i >= header.length() || header.charAt(i) != '=') {
        continue;
      }
      i++;
      while (i < header.length() && isSpace(header.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < header.length() && header.charAt(i) != ',' && !isSpace(header.charAt(i))) {
        i++;
      }
      if (i > start) {
        return header.substring(start, i);
      }
    }
    return null;
  }

  /** White space as {@code \s} means in a Java pattern. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The public key of a DSN ({@code scheme://KEY[:secret]@host/path/PROJECT}), or {@code null}. */
  static String keyOfDsn(String dsn) {
    if (dsn == null || dsn.isBlank()) {
      return null;
    }
    try {
      String userInfo = new URI(dsn.trim()).getRawUserInfo();
      if (userInfo == null) {
        return null;
      }
      int colon = userInfo.indexOf(':');
      return plain(colon < 0 ? userInfo : userInfo.substring(0, colon));
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String plain(String key) {
    if (key == null) {
      return null;
    }
    String k = key.trim();
    return k.isEmpty() || k.length() > MAX_KEY ? null : k;
  }
}
