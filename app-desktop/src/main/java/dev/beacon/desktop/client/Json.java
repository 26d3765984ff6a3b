package dev.beacon.desktop.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reading the server's answers into records: fields as text or numbers whatever JSON type they came as, arrays as lists. */
public final class Json {
  private Json() {}

  /** A field as text: "" when absent, arrays joined with ", ". */
  public static String text(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    if (v == null) {
      return "";
    }
    if (v instanceof JsonArray a) {
      List<String> parts = new ArrayList<>();
      a.forEach(x -> parts.add(String.valueOf(x)));
      return String.join(", ", parts);
    }
    return v.toString();
  }

  /** A numeric field (also when sent as text); {@code otherwise} when absent or not a number. */
  public static long number(JsonObject o, String key, long otherwise) {
    Object v = o == null ? null : o.getValue(key);
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }
    return otherwise;
  }

  /** A boolean field; false when absent. */
  public static boolean flag(JsonObject o, String key) {
    return o != null && Boolean.TRUE.equals(o.getValue(key));
  }

  /** The objects of an array field (empty when absent). */
  public static List<JsonObject> objects(JsonObject o, String key) {
    List<JsonObject> out = new ArrayList<>();
    JsonArray a = o == null ? null : o.getJsonArray(key);
    if (a != null) {
      a.forEach(x -> out.add((JsonObject) x));
    }
    return out;
  }

  /** The objects of an array field, each made a record by {@code as}. */
  public static <T> List<T> list(JsonObject o, String key, Function<JsonObject, T> as) {
    return objects(o, key).stream().map(as).toList();
  }

  /** A request body from field values (in their order). */
  static JsonObject body(Map<String, ?> fields) {
    JsonObject body = new JsonObject();
    fields.forEach(body::put);
    return body;
  }
  /** A field as text, or null when absent or null. */
  static String textOrNull(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v == null ? null : v.toString();
  }

  /** A numeric field; 0 when absent or not a number. */
  static long number(JsonObject o, String key) {
    return number(o, key, 0);
  }

  static int integer(JsonObject o, String key) {
    return (int) number(o, key);
  }

  static double decimal(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  /** An array field's values as texts (empty when absent). */
  static List<String> texts(JsonObject o, String key) {
    List<String> out = new ArrayList<>();
    if (o != null && o.getValue(key) instanceof JsonArray a) {
      a.forEach(x -> out.add(String.valueOf(x)));
    }
    return List.copyOf(out);
  }

  /** Null for a blank text, else the trimmed text (for optional query parameters). */
  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
