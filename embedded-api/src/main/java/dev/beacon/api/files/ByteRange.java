package dev.beacon.api.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of a download, from a {@code Range: bytes=...} header: {@code start-end},
 * {@code start-} or {@code -suffixLength}. A header that is absent, malformed, or asks for
 * several ranges is ignored (the whole file is sent, as RFC 9110 allows); a range that starts
 * past the end is {@link #UNSATISFIABLE}.
 *
 * @param start the first byte
 * @param length how many bytes
 */
record ByteRange(long start, long length) {
  static final ByteRange UNSATISFIABLE = new ByteRange(-1, 0);
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  /** The range a header asks for in a file of {@code size} bytes, or {@code null} for the whole file. */
  static ByteRange parse(String header, long size) {
    if (header == null) {
      return null;
    }
    Matcher m = SINGLE.matcher(header.replace(" ", ""));
    if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
      return null;
    }
    if (m.group(1).isEmpty()) {
      long suffix = Long.parseLong(m.group(2));
      if (suffix == 0 || size == 0) {
        return UNSATISFIABLE;
      }
      long start = Math.max(0, size - suffix);
      return new ByteRange(start, size - start);
    }
    long start = Long.parseLong(m.group(1));
    long end = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
    if (end < start) {
      return null;
    }
    if (start >= size) {
      return UNSATISFIABLE;
    }
    long last = Math.min(end, size - 1);
    return new ByteRange(start, last - start + 1);
  }

  /** The last byte. */
  long end() {
    return start + length - 1;
  }

  boolean satisfiable() {
    return start >= 0;
  }

  /** The {@code Content-Range} of a 206 answer. */
  String contentRange(long size) {
    return "bytes " + start + "-" + end() + "/" + size;
  }
}
