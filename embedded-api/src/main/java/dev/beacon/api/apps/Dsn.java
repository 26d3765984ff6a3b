package dev.beacon.api.apps;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * An app's Sentry DSN, {@code {scheme}://{sentryKey}@{host}/{sentryProjectId}}, made absolute with
 * the scheme and host the caller reached the server by (like download URLs), so that a DSN copied
 * from the console works from where it was read. Behind a reverse proxy
 * ({@link dev.beacon.api.core.Config#trustProxy()}) the proxy's {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} win, so that a Beacon reached over TLS through it answers {@code https}.
 */
public final class Dsn {
  /** A plain host[:port] or [v6]:port; anything else is not used. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  /** The scheme and host[:port] of the server as one caller sees it; host {@code null} when unknown. */
  public record Origin(String scheme, String host) {}

  private Dsn() {}

  /** The caller's view of the server: the request's scheme and Host, or a trusted proxy's. */
  public static Origin origin(RoutingContext ctx, boolean trustProxy) {
    String scheme = ctx.request().scheme();
    HostAndPort authority = ctx.request().authority();
    String host = authority == null ? null : authority.toString();
    if (trustProxy) {
      String proto = first(ctx.request().getHeader("X-Forwarded-Proto"));
      if ("http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto)) {
        scheme = proto.toLowerCase(java.util.Locale.ROOT);
      }
      String forwardedHost = first(ctx.request().getHeader("X-Forwarded-Host"));
      if (forwardedHost != null && HOST.matcher(forwardedHost).matches()) {
        host = forwardedHost;
      }
    }
    return new Origin(scheme == null ? "http" : scheme, host != null && HOST.matcher(host).matches() ? host : null);
  }

  /** The app's DSN for this origin; {@code null} when the caller's host is unknown. */
  public static String of(App a, Origin origin) {
    if (origin == null || origin.host() == null) {
      return null;
    }
    return origin.scheme() + "://" + a.sentryKey + "@" + origin.host() + "/" + a.sentryProjectId;
  }

  /** The first of a comma-separated header's values (a proxy chain appends), trimmed. */
  private static String first(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    String v = (comma < 0 ? header : header.substring(0, comma)).trim();
    return v.isEmpty() ? null : v;
  }
}
