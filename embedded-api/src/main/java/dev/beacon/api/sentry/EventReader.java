package dev.beacon.api.sentry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.beacon.api.errors.StructuredEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a Sentry event payload (the developer documentation's "Event Payloads") into a
 * {@link StructuredEvent}. Lenient as Sentry is: a field of the wrong shape is ignored, never the
 * event. What it reads:
 * <ul>
 *   <li>{@code event_id} (32 hex digits, dashes allowed; the envelope header's wins; a new one when
 *       absent), {@code timestamp} (RFC 3339 or epoch seconds; the server's clock when absent,
 *       unreadable or in the future);
 *   <li>{@code exception.values} (or a bare list) oldest first, each {@code type}, {@code value},
 *       {@code module}, {@code stacktrace.frames} oldest caller first; without an exception the
 *       frames of the crashed, else the current, else the first thread of {@code threads};
 *   <li>{@code logentry.formatted}/{@code logentry.message} or {@code message} (text or object);
 *   <li>{@code fingerprint}, {@code level}, {@code platform}, {@code environment} (default
 *       {@code production}), {@code release} ({@code name@1.4.2+17} counts as version
 *       {@code 1.4.2+17}: the part after the last {@code @});
 *   <li>the machine: {@code user.id}, else the session's {@code did}, else
 *       {@code contexts.device.id};
 *   <li>shown with the event: {@code tags} (object or pairs), {@code contexts}, {@code user},
 *       {@code breadcrumbs} (at most {@value #MAX_BREADCRUMBS}, the newest), {@code sdk},
 *       {@code extra}, {@code dist}, {@code server_name}, {@code transaction}.
 * </ul>
 */
final class EventReader {
  static final int MAX_BREADCRUMBS = 100;
  static final int MAX_FRAMES = 250;
  private static final String DEFAULT_ENVIRONMENT = "production";
  private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern ZONE_OFFSET = Pattern.compile(".*[+-]\\d\\d:?\\d\\d$");

  private EventReader() {}

  /** A fresh event id, as the SDKs write them. */
  static String newEventId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** 32 lowercase hex digits, or {@code null} when {@code value} is not an event id. */
  static String eventId(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    String id = s.replace("-", "").trim().toLowerCase(java.util.Locale.ROOT);
    return EVENT_ID.matcher(id).matches() ? id : null;
  }

  /**
   * The version a release names: the part after the last {@code @} ({@code my-app@1.4.2+17} is
   * {@code 1.4.2+17}, {@code @scope/app@2.0.0} is {@code 2.0.0}), the whole text without one.
   */
  static String version(String release) {
    if (release == null || release.isBlank()) {
      return null;
    }
    String r = release.strip();
    int at = r.lastIndexOf('@');
    String v = at >= 0 && at < r.length() - 1 ? r.substring(at + 1) : r;
    return v.isBlank() ? null : v;
  }

  static StructuredEvent read(JsonObject ev, String eventId, String sessionDid, Instant now,
      List<StructuredEvent.Attachment> attachments) {
    return read(ev, null, eventId, sessionDid, now, attachments);
  }

  /**
   * As {@link #read(JsonObject, String, String, Instant, List)}, with the event's exceptions
   * already read ({@link #exceptions(JsonParser)}), or {@code null} to read them from {@code ev}.
   */
  static StructuredEvent read(JsonObject ev, List<StructuredEvent.Exception> readExceptions, String eventId,
      String sessionDid, Instant now, List<StructuredEvent.Attachment> attachments) {
    String platform = text(ev.getValue("platform"));
    String release = text(ev.getValue("release"));
    String environment = text(ev.getValue("environment"));
    JsonObject contexts = object(ev.getValue("contexts"));
    JsonObject user = object(ev.getValue("user"));
    List<StructuredEvent.Exception> exceptions = readExceptions != null ? readExceptions : exceptions(ev.getValue("exception"));
    List<StructuredEvent.StackFrame> threadFrames = exceptions.isEmpty() ? threadFrames(ev.getValue("threads")) : List.of();
    JsonObject details = new JsonObject()
        .put("tags", tags(ev.getValue("tags")))
        .put("contexts", contexts)
        .put("user", user)
        .put("breadcrumbs", breadcrumbs(ev.getValue("breadcrumbs")))
        .put("sdk", object(ev.getValue("sdk")))
        .put("extra", object(ev.getValue("extra")))
        .put("dist", text(ev.getValue("dist")))
        .put("serverName", text(ev.getValue("server_name")))
        .put("transaction", text(ev.getValue("transaction")));
    Instant at = timestamp(ev.getValue("timestamp"), now);
    return new StructuredEvent(eventId, at.isAfter(now) ? now : at, text(ev.getValue("level")), platform,
        version(release), release, environment == null ? DEFAULT_ENVIRONMENT : environment, exceptions, threadFrames,
        fingerprint(ev.getValue("fingerprint")), message(ev), machine(user, sessionDid, contexts), osInfo(contexts),
        details, attachments);
  }

  private static Instant timestamp(Object value, Instant now) {
    try {
      if (value instanceof Number n) {
        double seconds = n.doubleValue();
        if (seconds > 0 && seconds < 253_402_300_799d) {
          return Instant.ofEpochSecond((long) seconds, (long) ((seconds - Math.floor(seconds)) * 1e9));
        }
      } else if (value instanceof String s && !s.isBlank()) {
        String t = s.strip();
        Instant utc = utc(t);
        if (utc != null) {
          return utc;
        }
        return t.endsWith("Z") || ZONE_OFFSET.matcher(t).matches() ? OffsetDateTime.parse(t).toInstant() : Instant.parse(t + "Z");
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // an unreadable time: the server's
    }
    return now;
  }

  /**
   * A time in the form the SDKs write, {@code 2024-05-01T12:34:56.789Z} (0 to 9 digits of a
   * second), read without a formatter; {@code null} for any other form or a date that does not
   * exist, which the formatter then reads (or refuses) as before.
   */
  static Instant utc(String t) {
    int n = t.length();
    if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || t.charAt(16) != ':' || (n > 20 && (n == 21 || t.charAt(19) != '.'))) {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    int nanos = n > 20 ? digits(t, 20, n - 1) : 0;
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
      return null;
    }
    for (int i = n > 20 ? n - 21 : 9; i < 9; i++) {
      nanos *= 10;
    }
    try {
      return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The number that characters {@code [from, to)} of {@code s} write in decimal digits, or -1. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static List<StructuredEvent.Exception> exceptions(Object value) {
    JsonArray values = values(value);
    List<StructuredEvent.Exception> out = new ArrayList<>();
    for (Object o : values) {
      JsonObject x = object(o);
      if (x == null) {
        continue;
      }
      JsonObject st = object(x.getValue("stacktrace"));
      out.add(new StructuredEvent.Exception(text(x.getValue("type")), text(x.getValue("module")), text(x.getValue("value")),
          frames(st == null ? null : st.getValue("frames"))));
    }
    return out;
  }

  /**
   * What {@link #exceptions(Object)} reads from a parsed {@code exception}, read from the parser
   * positioned on that value (its first token), which it consumes: the same exceptions and frames,
   * without the tree of maps in between. A repeated key counts with its last value, as in a parsed
   * object.
   */
  static List<StructuredEvent.Exception> exceptions(JsonParser p) throws IOException {
    List<StructuredEvent.Exception> out = new ArrayList<>();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      exceptionList(p, out);
    } else if (t == JsonToken.START_OBJECT) {
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken v = p.nextToken();
        if (name.equals("values")) {
          out.clear();
          if (v == JsonToken.START_ARRAY) {
            exceptionList(p, out);
          } else {
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return out;
  }

  private static void exceptionList(JsonParser p, List<StructuredEvent.Exception> out) throws IOException {
    for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p)) {
      if (t == JsonToken.START_OBJECT) {
        out.add(exception(p));
      } else {
        p.skipChildren();
      }
    }
  }

  private static StructuredEvent.Exception exception(JsonParser p) throws IOException {
    String type = null;
    String module = null;
    String value = null;
    List<StructuredEvent.StackFrame> frames = List.of();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "type" -> type = text(p);
        case "module" -> module = text(p);
        case "value" -> value = text(p);
        case "stacktrace" -> {
          frames = List.of();
          if (t == JsonToken.START_OBJECT) {
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
              JsonToken f = p.nextToken();
              if (field.equals("frames")) {
                frames = f == JsonToken.START_ARRAY ? frames(p) : List.of();
              }
              p.skipChildren();
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return new StructuredEvent.Exception(type, module, value, frames);
  }

  /** As {@link #frames(Object)}, from the parser on the list's first token. */
  private static List<StructuredEvent.StackFrame> frames(JsonParser p) throws IOException {
    List<StructuredEvent.StackFrame> all = new ArrayList<>();
    for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p)) {
      // a frame that is not an object holds its place among the newest MAX_FRAMES, as in frames(Object)
      all.add(t == JsonToken.START_OBJECT ? frame(p) : null);
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
      }
    }
    List<StructuredEvent.StackFrame> out = new ArrayList<>(Math.min(all.size(), MAX_FRAMES));
    for (int i = Math.max(0, all.size() - MAX_FRAMES); i < all.size(); i++) {
      if (all.get(i) != null) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  private static StructuredEvent.StackFrame frame(JsonParser p) throws IOException {
    String module = null;
    String function = null;
    String filename = null;
    String absPath = null;
    Integer line = null;
    Boolean inApp = null;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "module" -> module = text(p);
        case "function" -> function = text(p);
        case "filename" -> filename = text(p);
        case "abs_path" -> absPath = text(p);
        case "lineno" -> line = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
            ? Integer.valueOf(p.getNumberValue().intValue()) : skip(p);
        case "in_app" -> inApp = t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : skip(p);
        default -> p.skipChildren();
      }
    }
    return new StructuredEvent.StackFrame(module, function, filename, absPath, line, inApp);
  }

  /** As {@link #text(Object)}, of the value the parser is on (consumed). */
  private static String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      return s.isBlank() ? null : s;
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return String.valueOf(p.getNumberValue());
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return String.valueOf(t == JsonToken.VALUE_TRUE);
    }
    return skip(p);
  }

  /** Consumes the value the parser is on; {@code null}. */
  private static <T> T skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  /** The next token, which must be there (the input is not cut short). */
  private static JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new java.io.EOFException("the JSON ends inside a list");
    }
    return t;
  }

  /** The frames of the thread that crashed, else the current one, else the first with frames. */
  private static List<StructuredEvent.StackFrame> threadFrames(Object value) {
    JsonObject chosen = null;
    for (String flag : List.of("crashed", "current", "")) {
      for (Object o : values(value)) {
        JsonObject t = object(o);
        if (t != null && object(t.getValue("stacktrace")) != null && (flag.isEmpty() || Boolean.TRUE.equals(t.getValue(flag)))) {
          chosen = t;
          break;
        }
      }
      if (chosen != null) {
        break;
      }
    }
    return chosen == null ? List.of() : frames(object(chosen.getValue("stacktrace")).getValue("frames"));
  }

  /** The frames oldest caller first; beyond {@value #MAX_FRAMES} the oldest are dropped. */
  private static List<StructuredEvent.StackFrame> frames(Object value) {
    if (!(value instanceof JsonArray list)) {
      return List.of();
    }
    List<StructuredEvent.StackFrame> out = new ArrayList<>();
    for (int i = Math.max(0, list.size() - MAX_FRAMES); i < list.size(); i++) {
      JsonObject f = object(list.getValue(i));
      if (f == null) {
        continue;
      }
      Object line = f.getValue("lineno");
      Object inApp = f.getValue("in_app");
      out.add(new StructuredEvent.StackFrame(text(f.getValue("module")), text(f.getValue("function")), text(f.getValue("filename")),
          text(f.getValue("abs_path")), line instanceof Number n ? n.intValue() : null, inApp instanceof Boolean b ? b : null));
    }
    return out;
  }

  /** {@code {"values": [...]}} or a bare list, as the SDKs send either. */
  private static JsonArray values(Object value) {
    if (value instanceof JsonArray a) {
      return a;
    }
    JsonObject o = object(value);
    return o != null && o.getValue("values") instanceof JsonArray a ? a : new JsonArray();
  }

  private static String message(JsonObject ev) {
    JsonObject logentry = object(ev.getValue("logentry"));
    if (logentry != null) {
      String m = text(logentry.getValue("formatted"));
      m = m != null ? m : text(logentry.getValue("message"));
      if (m != null) {
        return m;
      }
    }
    Object message = ev.getValue("message");
    JsonObject asObject = object(message);
    if (asObject != null) {
      String m = text(asObject.getValue("formatted"));
      return m != null ? m : text(asObject.getValue("message"));
    }
    return text(message);
  }

  private static List<String> fingerprint(Object value) {
    if (!(value instanceof JsonArray a)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (o != null) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  private static String machine(JsonObject user, String sessionDid, JsonObject contexts) {
    String id = user == null ? null : text(user.getValue("id"));
    if (id == null && sessionDid != null && !sessionDid.isBlank()) {
      id = sessionDid.strip();
    }
    if (id == null && contexts != null) {
      JsonObject device = object(contexts.getValue("device"));
      id = device == null ? null : text(device.getValue("id"));
    }
    return id == null || id.length() > 255 ? (id == null ? null : id.substring(0, 255)) : id;
  }

  private static String osInfo(JsonObject contexts) {
    JsonObject os = contexts == null ? null : object(contexts.getValue("os"));
    if (os == null) {
      return null;
    }
    String name = text(os.getValue("name"));
    String version = text(os.getValue("version"));
    String info = ((name == null ? "" : name) + (version == null ? "" : " " + version)).strip();
    return info.isEmpty() ? text(os.getValue("raw_description")) : info;
  }

  /** Tags as an object, from an object or a list of {@code [key, value]} pairs. */
  private static JsonObject tags(Object value) {
    JsonObject out = new JsonObject();
    if (value instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        out.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue()));
      }
    } else if (value instanceof JsonArray pairs) {
      for (Object p : pairs) {
        if (p instanceof JsonArray pair && pair.size() == 2 && pair.getValue(0) != null) {
          out.put(String.valueOf(pair.getValue(0)), pair.getValue(1) == null ? null : String.valueOf(pair.getValue(1)));
        }
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static JsonArray breadcrumbs(Object value) {
    JsonArray all = values(value);
    if (all.isEmpty()) {
      return null;
    }
    JsonArray out = new JsonArray();
    for (int i = Math.max(0, all.size() - MAX_BREADCRUMBS); i < all.size(); i++) {
      out.add(all.getValue(i));
    }
    return out;
  }

  private static JsonObject object(Object value) {
    return value instanceof JsonObject o ? o : null;
  }

  /** A string, or a number or boolean as text; {@code null} for anything else or blank. */
  private static String text(Object value) {
    if (value instanceof String s) {
      return s.isBlank() ? null : s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    return null;
  }
}
