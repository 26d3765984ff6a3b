package dev.beacon.desktop.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reading the fields of the server's answers leniently: an absent or null field reads as empty or zero. */
final class Fields {
  private Fields() {}

  /** The field as text ("" when absent or null). */
  static String text(JsonObject j, String key) {
    Object v = j == null ? null : j.getValue(key);
    return v == null ? "" : v.toString();
  }

  /** The field as text, or null when absent or null. */
  static String textOrNull(JsonObject j, String key) {
    Object v = j == null ? null : j.getValue(key);
    return v == null ? null : v.toString();
  }

  static long number(JsonObject j, String key) {
    Object v = j == null ? null : j.getValue(key);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  static int integer(JsonObject j, String key) {
    return (int) number(j, key);
  }

  static double decimal(JsonObject j, String key) {
    Object v = j == null ? null : j.getValue(key);
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  static boolean flag(JsonObject j, String key) {
    return j != null && Boolean.TRUE.equals(j.getValue(key));
  }

  /** An array field's values as texts (empty when absent). */
  static List<String> texts(JsonObject j, String key) {
    List<String> out = new ArrayList<>();
    if (j != null && j.getValue(key) instanceof JsonArray a) {
      a.forEach(o -> out.add(String.valueOf(o)));
    }
    return List.copyOf(out);
  }

  /** An array field's objects (empty when absent). */
  static List<JsonObject> objects(JsonObject j, String key) {
    List<JsonObject> out = new ArrayList<>();
    if (j != null && j.getValue(key) instanceof JsonArray a) {
      a.forEach(o -> out.add((JsonObject) o));
    }
    return out;
  }

  /** Null for a blank text, else the trimmed text (for optional query parameters). */
  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
