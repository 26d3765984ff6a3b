package dev.beacon.api.core;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.TreeMap;

/** Query parameters with case-insensitive names ({@code pageno}, {@code pageSize}, {@code PageSize}). */
public final class Params {
  private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private Params() {}

  public static Params of(RoutingContext ctx) {
    Params p = new Params();
    for (Map.Entry<String, String> e : ctx.queryParams()) {
      p.values.putIfAbsent(e.getKey().trim(), e.getValue());
    }
    return p;
  }

  public static Params of(Map<String, String> map) {
    Params p = new Params();
    p.values.putAll(map);
    return p;
  }

  /** The value, or {@code null} when absent or blank. */
  public String get(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  public Integer getInt(String name) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name + " must be an integer, got '" + abbreviate(v) + "'");
    }
  }

  public Long getLong(String name) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name + " must be an integer, got '" + abbreviate(v) + "'");
    }
  }

  static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "..." : v;
  }
}
