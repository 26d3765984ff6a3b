package dev.beacon.api.core;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * A request's JSON object with its keys trimmed (the seed's samples send {@code "appId "}) and
 * typed accessors whose failures name the field, as a 4000.
 */
public final class Body {
  /** The default longest text field, for fields without a limit of their own. */
  public static final int TEXT = 4000;

  private final JsonObject json;

  private Body(JsonObject json) {
    this.json = json;
  }

  /** The body of the request, parsed; an absent or blank body is an empty object. */
  public static Body of(RoutingContext ctx) {
    Buffer buf = ctx.body() == null ? null : ctx.body().buffer();
    return parse(buf, ctx.request().getHeader("Content-Type"));
  }

  public static Body parse(Buffer buf, String contentType) {
    if (buf == null || buf.length() == 0 || buf.toString().isBlank()) {
      return new Body(new JsonObject());
    }
    Object value;
    try {
      value = Json.decode(buf);
    } catch (DecodeException e) {
      String hint = contentType != null && !contentType.toLowerCase().contains("json")
          ? " (the body must be JSON sent as application/json, not " + contentType + ")"
          : "";
      throw ApiException.badParameter("malformed JSON body" + hint + ": " + Json.shortReason(e));
    }
    if (!(value instanceof JsonObject obj)) {
      throw ApiException.badParameter("the body must be a JSON object");
    }
    return new Body(trimKeys(obj));
  }

  public static Body of(JsonObject json) {
    return new Body(trimKeys(json));
  }

  private static JsonObject trimKeys(JsonObject in) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : in) {
      Object v = e.getValue();
      if (v instanceof JsonObject o) {
        v = trimKeys(o);
      }
      out.put(e.getKey().trim(), v);
    }
    return out;
  }

  public JsonObject json() {
    return json;
  }

  /** Whether the key is present, even with a null value ({@code {"release":null}}). */
  public boolean has(String field) {
    return json.containsKey(field);
  }

  public String requiredString(String field, int maxLength) {
    String s = optionalString(field, maxLength);
    if (s == null || s.isBlank()) {
      throw ApiException.badParameter(field + " is required");
    }
    return s;
  }

  public String requiredString(String field) {
    return requiredString(field, TEXT);
  }

  /**
   * A text field, or {@code null} when absent or null. A JSON number is taken as its text (the
   * seed sends {@code "docId":1} for string ids); objects, arrays and booleans are a 4000.
   */
  public String optionalString(String field, int maxLength) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    String s;
    if (v instanceof String str) {
      s = str;
    } else if (v instanceof Number n) {
      s = Json.numberText(n);
    } else {
      throw ApiException.badParameter(field + " must be a string");
    }
    if (s.length() > maxLength) {
      throw ApiException.badParameter(field + " is longer than " + maxLength + " characters");
    }
    return NulBytes.check(field, s);
  }

  public String optionalString(String field) {
    return optionalString(field, TEXT);
  }

  /** Like {@link #optionalString} but an empty or blank value is a 4000 ("cannot be empty"). */
  public String optionalNonBlank(String field, int maxLength) {
    String s = optionalString(field, maxLength);
    if (s != null && s.isBlank()) {
      throw ApiException.badParameter(field + " cannot be empty");
    }
    return s;
  }

  public int requiredInt(String field) {
    Integer i = optionalInt(field);
    if (i == null) {
      throw ApiException.badParameter(field + " is required");
    }
    return i;
  }

  /**
   * An integer field, or {@code null} when absent. Accepts a JSON integer or a string of digits
   * (the seed writes several integer fields as strings); anything else is a 4000.
   */
  public Integer optionalInt(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
        throw ApiException.badParameter(field + " must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
      }
      return n.intValue();
    }
    if (v instanceof String s && s.trim().matches("-?\\d{1,10}")) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw ApiException.badParameter(field + " must be an integer");
  }

  /** A boolean field, or {@code null}; also accepts 0/1 and "true"/"false". */
  public Boolean optionalBoolean(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n && (n.intValue() == 0 || n.intValue() == 1) && n.doubleValue() == n.intValue()) {
      return n.intValue() == 1;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw ApiException.badParameter(field + " must be true or false");
  }

  /** The raw value, for fields that may take several shapes (a string or an array of strings). */
  public Object value(String field) {
    return json.getValue(field);
  }

  /** A string, or an array of strings joined by newlines; anything else is a 4000. */
  public String textOrLines(String field, int maxLength) {
    Object v = json.getValue(field);
    if (v instanceof JsonArray arr) {
      StringBuilder sb = new StringBuilder();
      for (Object o : arr) {
        if (!(o instanceof String) && !(o instanceof Number)) {
          throw ApiException.badParameter(field + " must be a string or an array of strings");
        }
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(NulBytes.check(field, String.valueOf(o)));
      }
      return sb.length() > maxLength ? sb.substring(0, maxLength) : sb.toString();
    }
    return truncate(optionalString(field, Integer.MAX_VALUE), maxLength);
  }

  /** Cuts a text to at most {@code max} characters. */
  public static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
