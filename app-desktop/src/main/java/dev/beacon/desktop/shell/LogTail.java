package dev.beacon.desktop.shell;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines the process printed (the embedded server logs to standard error and prints to
 * standard output), kept in a bounded ring for the server screen. {@link #install()} tees both
 * streams once per process; output still goes where it went.
 */
public final class LogTail {
  public static final int LINES = 500;
  private static final LogTail INSTANCE = new LogTail(LINES);
  private static boolean installed;

  private final int max;
  private final Deque<String> lines = new ArrayDeque<>();
  private long total;

  LogTail(int max) {
    this.max = max;
  }

  public static LogTail get() {
    return INSTANCE;
  }

  /** Tees {@code System.out} and {@code System.err} into the tail (once). */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    System.setOut(new PrintStream(INSTANCE.tee(System.out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(INSTANCE.tee(System.err), true, StandardCharsets.UTF_8));
  }

  /** Adds a line (dropping the oldest beyond the bound). */
  public synchronized void add(String line) {
    lines.addLast(line);
    total++;
    while (lines.size() > max) {
      lines.removeFirst();
    }
  }

  /** The lines kept, oldest first. */
  public synchronized List<String> lines() {
    return new ArrayList<>(lines);
  }

  /** How many lines were ever added (to tell whether anything changed). */
  public synchronized long total() {
    return total;
  }

  OutputStream tee(OutputStream out) {
    return new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        try {
          out.write(b);
        } catch (java.io.IOException ignored) {
          // the original stream is gone: keep the tail
        }
        if (b == '\n') {
          flushLine();
        } else if (b != '\r' && line.size() < 4096) {
          line.write(b);
        }
      }

      @Override
      public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
          write(b[i]);
        }
      }

      @Override
      public void flush() throws java.io.IOException {
        out.flush();
      }

      private void flushLine() {
        add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      }
    };
  }
}
