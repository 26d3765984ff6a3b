package dev.beacon.api.core;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import java.math.BigDecimal;

/** The little JSON handling the core needs beyond Vert.x's own. */
public final class Json {
  private Json() {}

  /** Decodes any JSON value (object, array, scalar); throws {@link DecodeException} if malformed. */
  public static Object decode(Buffer buf) {
    return io.vertx.core.json.Json.decodeValue(buf);
  }

  /** The first line of a decoder message, without the echo of the input Jackson appends. */
  static String shortReason(DecodeException e) {
    String m = e.getMessage() == null ? "cannot parse" : e.getMessage();
    int cut = m.indexOf(" at [Source");
    if (cut > 0) {
      m = m.substring(0, cut);
    }
    m = m.replace("Failed to decode:", "").trim();
    int nl = m.indexOf('\n');
    if (nl > 0) {
      m = m.substring(0, nl);
    }
    return m.length() > 200 ? m.substring(0, 200) : m;
  }

  /** A number as text without a trailing ".0" for integral values. */
  static String numberText(Number n) {
    if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
      BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
      return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }
    return n.toString();
  }
}
