package dev.beacon.api.sentry;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a Sentry envelope as a stream, item by item, never holding more than one item in memory:
 * {@code Headers "\n" { ItemHeaders "\n" Payload ["\n"] }}. An item with a {@code length} has
 * exactly that many payload bytes (a newline after them is optional); one without runs to the next
 * newline or the end. Blank lines between items are skipped. Every header is one line of JSON.
 */
final class EnvelopeReader {
  /** The decoded body; read through {@link #buf}, whose lines are found by scanning it (not byte by byte). */
  private final InputStream in;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int lim;

  EnvelopeReader(InputStream in) {
    this.in = in;
  }

  /** The envelope's header (an empty object when the body starts with an empty line). */
  JsonObject header() throws IOException {
    byte[] line = line(Limits.MAX_HEADER_LINE, "the envelope header");
    if (line == null) {
      throw SentryAnswers.bad("the envelope is empty");
    }
    return json(line, "the envelope header");
  }

  /** The next item's header, or {@code null} at the end of the envelope. */
  JsonObject nextItem() throws IOException {
    while (true) {
      byte[] line = line(Limits.MAX_HEADER_LINE, "an item header");
      if (line == null) {
        return null;
      }
      if (isBlank(line)) {
        continue;
      }
      JsonObject h = json(line, "an item header");
      Object type = h.getValue("type");
      if (!(type instanceof String) || ((String) type).isBlank()) {
        throw SentryAnswers.bad("an item header has no type: " + abbreviate(h.encode()));
      }
      Object length = h.getValue("length");
      if (length != null && (!(length instanceof Number n) || n.longValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue()))) {
        throw SentryAnswers.bad("an item's length must be a whole number of bytes, got " + length);
      }
      return h;
    }
  }

  /** The item's payload in memory, refused (413) over {@code max} bytes. */
  byte[] payload(JsonObject item, int max, String what) throws IOException {
    Long length = length(item);
    if (length == null) {
      byte[] line = line(max, what);
      return line == null ? new byte[0] : line;
    }
    if (length > max) {
      throw SentryAnswers.tooLarge(what + " is " + length + " bytes; the limit is " + Limits.mib(max));
    }
    byte[] out = new byte[length.intValue()];
    int got = 0;
    while (got < out.length) {
      int r = read(out, got, out.length - got);
      if (r < 0) {
        throw SentryAnswers.bad(what + " is cut short: " + got + " of its " + length + " bytes");
      }
      got += r;
    }
    endOfPayload();
    return out;
  }

  /** Copies the item's payload to {@code out}, refused (413) over {@code max} bytes; answers its size. */
  long copy(JsonObject item, long max, OutputStream out, String what) throws IOException {
    Long length = length(item);
    if (length != null && length > max) {
      throw SentryAnswers.tooLarge(what + " is " + length + " bytes; the limit is " + Limits.mib(max));
    }
    long copied = 0;
    if (length == null) {
      // runs to the next newline
      while (fill()) {
        int end = newline();
        int n = (end < 0 ? lim : end) - pos;
        copied += n;
        if (copied > max) {
          throw SentryAnswers.tooLarge(what + " is larger than the limit of " + Limits.mib(max));
        }
        out.write(buf, pos, n);
        pos = end < 0 ? lim : end + 1;
        if (end >= 0) {
          break;
        }
      }
      return copied;
    }
    byte[] chunk = new byte[64 * 1024];
    while (copied < length) {
      int r = read(chunk, 0, (int) Math.min(chunk.length, length - copied));
      if (r < 0) {
        throw SentryAnswers.bad(what + " is cut short: " + copied + " of its " + length + " bytes");
      }
      out.write(chunk, 0, r);
      copied += r;
    }
    endOfPayload();
    return copied;
  }

  /** Reads past the item's payload without keeping it. */
  void skip(JsonObject item) throws IOException {
    Long length = length(item);
    if (length == null) {
      while (fill()) {
        int end = newline();
        pos = end < 0 ? lim : end + 1;
        if (end >= 0) {
          return;
        }
      }
      return;
    }
    long skipped = 0;
    while (skipped < length) {
      if (!fill()) {
        throw SentryAnswers.bad("an item of type " + item.getValue("type") + " is cut short");
      }
      int n = (int) Math.min(lim - pos, length - skipped);
      pos += n;
      skipped += n;
    }
    endOfPayload();
  }

  private static Long length(JsonObject item) {
    Object l = item.getValue("length");
    return l == null ? null : ((Number) l).longValue();
  }

  /** After a payload of known length: the newline that may follow it. */
  private void endOfPayload() throws IOException {
    if (fill() && buf[pos] == '\n') {
      pos++;
    }
  }

  /** Whether there is an unread byte in {@link #buf}, reading more of the body when it is used up; false at the end. */
  private boolean fill() throws IOException {
    while (pos >= lim) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        return false;
      }
      pos = 0;
      lim = n;
    }
    return true;
  }

  /** Where the next newline in the unread part of {@link #buf} is, or -1. */
  private int newline() {
    for (int i = pos; i < lim; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private int read(byte[] b, int off, int len) throws IOException {
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, lim - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  /** The bytes up to the next newline (without it, nor a {@code \r} before it); {@code null} at the end. */
  private byte[] line(int max, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean any = false;
    while (fill()) {
      any = true;
      int end = newline();
      int n = (end < 0 ? lim : end) - pos;
      if (out.size() + n > max) {
        throw SentryAnswers.tooLarge(what + " is longer than " + Limits.mib(max));
      }
      out.write(buf, pos, n);
      pos = end < 0 ? lim : end + 1;
      if (end >= 0) {
        break;
      }
    }
    if (!any) {
      return null;
    }
    byte[] bytes = out.toByteArray();
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      return java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
    return bytes;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * A line of JSON that must be an object. NUL characters in its strings ({@code \u0000}, as an
   * SDK may send from binary data) become U+FFFD: the event is kept, and no database is handed
   * text it cannot store (PostgreSQL refuses NUL in text).
   */
  static JsonObject json(byte[] bytes, String what) {
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return new JsonObject();
    }
    try {
      JsonObject parsed = new JsonObject(text);
      // in JSON a NUL character can only be written escaped: without that escape, there is none to replace
      return text.contains("\\u0000") ? withoutNul(parsed) : parsed;
    } catch (DecodeException | ClassCastException e) {
      throw SentryAnswers.bad(what + " is not a JSON object: " + abbreviate(text));
    }
  }

  private static JsonObject withoutNul(JsonObject in) {
    JsonObject out = new JsonObject();
    in.forEach(e -> out.put(withoutNul(e.getKey()), withoutNulValue(e.getValue())));
    return out;
  }

  private static Object withoutNulValue(Object value) {
    if (value instanceof String s) {
      return withoutNul(s);
    } else if (value instanceof JsonObject o) {
      return withoutNul(o);
    } else if (value instanceof io.vertx.core.json.JsonArray a) {
      io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
      a.forEach(v -> out.add(withoutNulValue(v)));
      return out;
    }
    return value;
  }

  private static String withoutNul(String s) {
    return s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }

  static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
