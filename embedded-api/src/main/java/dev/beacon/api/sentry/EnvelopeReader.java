package dev.beacon.api.sentry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.beacon.api.errors.StructuredEvent;
import io.netty.buffer.Unpooled;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Sentry envelope as a stream, item by item, never holding more than one item in memory:
 * {@code Headers "\n" { ItemHeaders "\n" Payload ["\n"] }}. An item with a {@code length} has
 * exactly that many payload bytes (a newline after them is optional); one without runs to the next
 * newline or the end. Blank lines between items are skipped. Every header is one line of JSON.
 * Lines and payloads that fit in the read buffer are handed out where they lie in it
 * ({@link Slice}), not copied: an SDK's event is read without a copy of its own.
 */
final class EnvelopeReader {
  /** The read buffer, one per thread: a reader runs start to end on one thread, and only one at a time there. */
  private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

  /** Bytes {@code [off, off + len)} of {@code bytes}; one handed out of the read buffer is good until the next read. */
  record Slice(byte[] bytes, int off, int len) {
    static final Slice EMPTY = new Slice(new byte[0], 0, 0);

    /** The SHA-256 of these bytes, as hex. */
    String sha256() {
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(bytes, off, len);
        return java.util.HexFormat.of().formatHex(md.digest());
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The decoded body; read through {@link #buf}, whose lines are found by scanning it (not byte by byte). */
  private final InputStream in;
  private final byte[] buf = BUFFERS.get();
  private int pos;
  private int lim;
  /** A payload of known length was handed out of {@link #buf}: the newline that may follow it is read with the next line. */
  private boolean newlineMayFollow;

  EnvelopeReader(InputStream in) {
    this.in = in;
  }

  /** The envelope's header (an empty object when the body starts with an empty line). */
  JsonObject header() throws IOException {
    Slice line = line(Limits.MAX_HEADER_LINE, "the envelope header");
    if (line == null) {
      throw SentryAnswers.bad("the envelope is empty");
    }
    return json(line, "the envelope header");
  }

  /** The next item's header, or {@code null} at the end of the envelope. */
  JsonObject nextItem() throws IOException {
    while (true) {
      Slice line = line(Limits.MAX_HEADER_LINE, "an item header");
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

  /**
   * The item's payload, refused (413) over {@code max} bytes: where it lies in the read buffer when
   * it fits there (good until the next read), else in an array of its own.
   */
  Slice payload(JsonObject item, int max, String what) throws IOException {
    Long length = length(item);
    if (length == null) {
      Slice line = line(max, what);
      return line == null ? Slice.EMPTY : line;
    }
    if (length > max) {
      throw SentryAnswers.tooLarge(what + " is " + length + " bytes; the limit is " + Limits.mib(max));
    }
    int n = length.intValue();
    if (n <= buf.length) {
      // gather it in the buffer: move what is unread to its start, then read up to the payload's end
      if (pos + n > buf.length) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      while (lim - pos < n) {
        int r = in.read(buf, lim, buf.length - lim);
        if (r < 0) {
          throw SentryAnswers.bad(what + " is cut short: " + (lim - pos) + " of its " + length + " bytes");
        }
        lim += r;
      }
      Slice out = new Slice(buf, pos, n);
      pos += n;
      newlineMayFollow = true;
      return out;
    }
    byte[] out = new byte[n];
    int got = 0;
    while (got < out.length) {
      int r = read(out, got, out.length - got);
      if (r < 0) {
        throw SentryAnswers.bad(what + " is cut short: " + got + " of its " + length + " bytes");
      }
      got += r;
    }
    endOfPayload();
    return new Slice(out, 0, n);
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

  /**
   * The bytes up to the next newline (without it, nor a {@code \r} before it); {@code null} at the
   * end. A line that lies whole in the read buffer is handed out where it is (good until the next read).
   */
  private Slice line(int max, String what) throws IOException {
    if (newlineMayFollow) {
      newlineMayFollow = false;
      endOfPayload();
    }
    if (!fill()) {
      return null;
    }
    int end = newline();
    if (end >= 0 && end - pos <= max) {
      Slice out = trimCr(new Slice(buf, pos, end - pos));
      pos = end + 1;
      return out;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (fill()) {
      end = newline();
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
    byte[] bytes = out.toByteArray();
    return trimCr(new Slice(bytes, 0, bytes.length));
  }

  private static Slice trimCr(Slice s) {
    return s.len() > 0 && s.bytes()[s.off() + s.len() - 1] == '\r' ? new Slice(s.bytes(), s.off(), s.len() - 1) : s;
  }

  private static boolean isBlank(Slice line) {
    for (int i = line.off(); i < line.off() + line.len(); i++) {
      byte b = line.bytes()[i];
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
  static JsonObject json(Slice s, String what) {
    JsonObject fast = asciiObject(s.bytes(), s.off(), s.len());
    return fast != null ? fast : json(java.util.Arrays.copyOfRange(s.bytes(), s.off(), s.off() + s.len()), what);
  }

  /**
   * An event item: its JSON, and its {@code exception} read as it was parsed
   * ({@link EventReader#exceptions(JsonParser)}; then {@code json} does not hold it), or
   * {@code null} when the event was read as a whole object (the exceptions are in {@code json}).
   */
  record Event(JsonObject json, List<StructuredEvent.Exception> exceptions) {}

  /**
   * The event item, as {@link #json(Slice, String)} reads it; in the common case its
   * {@code exception} (the bulk of an event: the frames) is read as it is parsed rather than built
   * into a tree first.
   */
  static Event event(Slice s, String what) {
    Event fast = asciiEvent(s.bytes(), s.off(), s.len());
    return fast != null ? fast : new Event(json(s, what), null);
  }

  /** As {@link #json(Slice, String)}. */
  static JsonObject json(byte[] bytes, String what) {
    JsonObject fast = asciiObject(bytes, 0, bytes.length);
    if (fast != null) {
      return fast;
    }
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

  /**
   * The common case of {@link #json} read straight from the bytes, without making them a string
   * first: an object in ASCII (as SDKs write JSON, escaping the rest), with no escaped NUL.
   * {@code null} when it is not that case or does not parse: then the text is read as above,
   * which gives the same object, or the same refusal.
   */
  private static JsonObject asciiObject(byte[] b, int off, int len) {
    try (JsonParser p = asciiParser(b, off, len)) {
      if (p == null || p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, Object> map = JacksonCodec.parseObject(p);
      return p.nextToken() == null ? new JsonObject(map) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** As {@link #asciiObject}, with the top level's {@code exception} read apart. */
  private static Event asciiEvent(byte[] b, int off, int len) {
    try (JsonParser p = asciiParser(b, off, len)) {
      if (p == null || p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      List<StructuredEvent.Exception> exceptions = List.of();
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        p.nextToken();
        if (name.equals("exception")) {
          // a repeated key: the last one counts, as in a parsed object
          exceptions = EventReader.exceptions(p);
        } else {
          map.put(name, JacksonCodec.parseValue(p));
        }
      }
      return p.nextToken() == null ? new Event(new JsonObject(map), exceptions) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A parser on the bytes when they are an object in ASCII (as SDKs write JSON, escaping the rest)
   * with no escaped NUL, else {@code null}.
   */
  private static JsonParser asciiParser(byte[] b, int off, int len) {
    int start = off;
    int end = off + len;
    while (start < end && isStrippable(b[start])) {
      start++;
    }
    while (end > start && isStrippable(b[end - 1])) {
      end--;
    }
    if (start == end || b[start] != '{' || b[end - 1] != '}') {
      return null;
    }
    for (int i = start; i < end; i++) {
      if (b[i] < 0 || (b[i] == '\\' && i + 5 < end && b[i + 1] == 'u' && b[i + 2] == '0' && b[i + 3] == '0' && b[i + 4] == '0'
          && b[i + 5] == '0')) {
        return null;
      }
    }
    // Vert.x's own parser factory, as new JsonObject(text) uses
    return JacksonCodec.createParser(BufferInternal.buffer(Unpooled.wrappedBuffer(b, start, end - start)));
  }

  /** ASCII characters that {@link String#strip} takes off (white space by {@link Character#isWhitespace}). */
  private static boolean isStrippable(byte c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
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
