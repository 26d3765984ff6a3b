package dev.beacon.api.sentry;

import io.vertx.core.buffer.Buffer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A request body as the bytes the SDK meant: {@code Content-Encoding} {@code gzip}, {@code deflate}
 * (zlib, or raw deflate as some clients send it) or none. {@code br} and {@code zstd} are refused
 * with 415: no well-kept pure-Java decoder is on Maven Central here. The decoded stream is read as
 * it inflates and throws {@link SentryAnswers#tooLarge} past {@code maxDecoded} bytes, so a
 * decompression bomb never reaches memory.
 */
final class Decoding {
  private Decoding() {}

  /** The decoded body, limited to {@code maxDecoded} bytes (413 past them). */
  static InputStream open(Buffer body, String contentEncoding, long maxDecoded) throws IOException {
    return open(body, contentEncoding, maxDecoded,
        () -> SentryAnswers.tooLarge("the body is larger than " + Limits.mib(maxDecoded) + " once decompressed"));
  }

  /** The decoded body; reading past {@code maxDecoded} bytes throws what {@code past} gives. */
  static InputStream open(Buffer body, String contentEncoding, long maxDecoded, Supplier<? extends RuntimeException> past)
      throws IOException {
    InputStream raw = new BufferInputStream(body);
    String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    InputStream decoded = switch (enc) {
      case "", "identity" -> raw;
      case "gzip", "x-gzip" -> gzip(raw, inputBuffer(body));
      case "deflate" -> deflate(body);
      case "br" -> throw new SentryAnswers.SentryRefusal(415,
          "Content-Encoding br (Brotli) is not supported by this server; send the body gzip or deflate compressed, or plain");
      default -> throw new SentryAnswers.SentryRefusal(415,
          "Content-Encoding " + enc + " is not supported; send the body gzip or deflate compressed, or plain");
    };
    return new Limited(decoded, maxDecoded, past);
  }

  /**
   * How much of the compressed body the inflater is handed at a time: all of a small body, 64 KiB
   * of a large one (a fresh buffer per request, so not larger than needed).
   */
  private static int inputBuffer(Buffer body) {
    return Math.max(512, Math.min(64 * 1024, body.length()));
  }

  private static InputStream gzip(InputStream raw, int bufferSize) throws IOException {
    try {
      return new GZIPInputStream(raw, bufferSize);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw SentryAnswers.bad("the body is not valid gzip: " + e.getMessage());
    }
  }

  /** zlib when the first two bytes are a zlib header, raw deflate otherwise. */
  private static InputStream deflate(Buffer body) {
    boolean zlib = body.length() >= 2 && (body.getByte(0) & 0x0F) == 8 && (((body.getByte(0) & 0xFF) << 8) | (body.getByte(1) & 0xFF)) % 31 == 0;
    return new InflaterInputStream(new BufferInputStream(body), new Inflater(!zlib), inputBuffer(body));
  }

  /** Reads a Vert.x buffer where it is, without copying it to an array first. */
  private static final class BufferInputStream extends InputStream {
    private final Buffer body;
    private int pos;

    BufferInputStream(Buffer body) {
      this.body = body;
    }

    @Override
    public int read() {
      return pos < body.length() ? body.getByte(pos++) & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int n = Math.min(len, body.length() - pos);
      if (n <= 0) {
        return -1;
      }
      body.getBytes(pos, pos + n, b, off);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return body.length() - pos;
    }
  }

  /** Counts what is read and refuses to read past the limit. */
  private static final class Limited extends FilterInputStream {
    private final long max;
    private final Supplier<? extends RuntimeException> past;
    private long read;

    Limited(InputStream in, long max, Supplier<? extends RuntimeException> past) {
      super(in);
      this.max = max;
      this.past = past;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // read rather than skip, so that the count stays true
      byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
      long done = 0;
      while (done < n) {
        int r = read(scratch, 0, (int) Math.min(scratch.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw past.get();
      }
    }
  }
}
