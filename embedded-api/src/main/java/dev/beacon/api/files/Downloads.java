package dev.beacon.api.files;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Beacon's own download URLs. A version whose package was uploaded to Beacon stores the relative
 * URL {@code /files/{filename}}: it stays right whatever address clients reach the server by.
 * Client answers (upgrade checks) turn it into an absolute URL with the scheme and the host
 * (Host header or HTTP/2 :authority) of the client's own request.
 */
public final class Downloads {
  /** The path prefix of the download route. */
  public static final String PREFIX = "/files/";
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  private Downloads() {}

  /** The stored (relative) URL of an uploaded file. */
  public static String path(String filename) {
    return PREFIX + filename;
  }

  /**
   * The URL a client can download from: a relative {@code /files/...} made absolute against the
   * request's scheme and Host; any other URL as it is.
   */
  public static String absolute(RoutingContext ctx, String url) {
    String host = host(ctx);
    if (url == null || !url.startsWith(PREFIX) || host == null) {
      return url;
    }
    return ctx.request().scheme() + "://" + host + url;
  }

  /**
   * The uploaded file a URL points at: {@code /files/{name}}, or an absolute URL with that path
   * on the host the request came to. {@code null} for any other URL.
   */
  static String fileNameIn(RoutingContext ctx, String url) {
    String u = url.trim();
    if (u.startsWith(PREFIX)) {
      return u.substring(PREFIX.length());
    }
    String host = host(ctx);
    try {
      URI uri = new URI(u);
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      String path = uri.getRawPath();
      if (web && host != null && host.equalsIgnoreCase(uri.getRawAuthority()) && path != null && path.startsWith(PREFIX)
          && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        return path.substring(PREFIX.length());
      }
    } catch (URISyntaxException e) {
      // not a URL of ours
    }
    return null;
  }

  /**
   * The host[:port] the request was sent to (HTTP/1's Host header, HTTP/2's :authority) when it
   * is a plain one; {@code null} otherwise.
   */
  private static String host(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    String h = authority == null ? null : authority.toString();
    return h != null && HOST.matcher(h).matches() ? h : null;
  }
}
