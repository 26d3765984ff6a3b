package dev.beacon.api.content;

import dev.beacon.api.core.ApiException;
import io.vertx.ext.web.RoutingContext;

/** Integer ids in paths (posters, questions, answers): anything but a positive integer is a 4000. */
public final class NumericId {
  private NumericId() {}

  public static long fromPath(RoutingContext ctx, String name) {
    String v = ctx.pathParam(name);
    if (v == null || !v.matches("\\d{1,18}") || Long.parseLong(v) < 1) {
      throw ApiException.badParameter(name + " must be a positive integer, got '" + (v == null ? "" : v) + "'");
    }
    return Long.parseLong(v);
  }
}
