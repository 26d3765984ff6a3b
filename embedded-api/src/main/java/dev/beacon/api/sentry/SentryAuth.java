package dev.beacon.api.sentry;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Sentry SDK puts its DSN's public key: the {@code X-Sentry-Auth} header
 * ({@code Sentry sentry_version=7, sentry_client=..., sentry_key=KEY}), the {@code sentry_key}
 * query parameter, or the {@code dsn} of the envelope's header ({@link #keyOfDsn}).
 */
final class SentryAuth {
  /** Keys are at most this long (Beacon's are 32 hex digits); a longer value is no key. */
  static final int MAX_KEY = 64;
  private static final Pattern HEADER_KEY = Pattern.compile("(?:^|[\\s,])sentry_key\\s*=\\s*([^,\\s]+)");

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
      Matcher m = HEADER_KEY.matcher(header);
      if (m.find()) {
        return plain(m.group(1));
      }
    }
    return plain(ctx.request().getParam("sentry_key"));
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
