package dev.beacon.api.core;

import io.vertx.ext.web.RoutingContext;

/**
 * NUL characters are refused in paths, query strings and JSON text (4000): no client has a reason
 * to send them, file names must never contain them, and PostgreSQL cannot store them in text.
 */
public final class NulBytes {
  private NulBytes() {}

  /** A handler for every request: a NUL in the URI, raw or percent-encoded, is a 4000. */
  public static void rejectInUri(RoutingContext ctx) {
    String uri = ctx.request().uri();
    if (uri != null && (uri.indexOf('\0') >= 0 || uri.contains("%00"))) { // "%00" has no letters to lower-case
      ctx.fail(ApiException.badParameter("the request's path or query contains a NUL character"));
    } else {
      ctx.next();
    }
  }

  /** The text, or a 4000 naming the field when it contains a NUL. */
  public static String check(String field, String text) {
    if (text != null && text.indexOf('\0') >= 0) {
      throw ApiException.badParameter(field + " contains a NUL character");
    }
    return text;
  }
}
