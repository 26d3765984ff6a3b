package dev.beacon.api.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the frames out of a stack trace as text, most recent call first, for the three shapes
 * clients send:
 *
 * <ul>
 *   <li>Java (and Kotlin): {@code \tat com.acme.Foo.bar(Foo.java:42)}, with {@code Caused by:}
 *       sections and {@code ... 12 more} lines;
 *   <li>.NET ({@code Exception.StackTrace}): {@code    at Acme.Foo.Bar(String s) in C:\src\Foo.cs:line 42},
 *       with {@code --- End of stack trace from previous location ---} lines;
 *   <li>Python ({@code traceback.format_exc()}): {@code File "/opt/app/foo.py", line 42, in bar}
 *       pairs, most recent call last (so they are reversed here).
 * </ul>
 *
 * Any other {@code at ...} line (JavaScript, say) is kept with its numbers taken out. Lines that
 * are none of these are ignored.
 */
final class StackParser {
  /** {@code Name.method(args)} optionally followed by {@code in path:line N} (.NET). */
  private static final Pattern CALL = Pattern.compile("([^\\s(]+)\\s*\\(([^)]*)\\)(?:\\s+in\\s+.*)?");
  private static final Pattern PYTHON = Pattern.compile("File \"(.+?)\", line \\d+, in (.+)");
  private static final Pattern LINE_AND_COLUMN = Pattern.compile("(?::\\d+)+");

  /** Frames of the runtimes and their standard libraries: never the culprit. */
  private static final List<String> RUNTIME_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "System.", "Microsoft.");

  private static final Pattern PYTHON_STDLIB = Pattern.compile(
      "(?i)(?:^|/)(?:lib/python[\\d.]*|python\\d*/lib)/(.*)$");
  private static final Pattern PYTHON_PACKAGES = Pattern.compile("(?i)/(?:site|dist)-packages/(.*)$");

  private StackParser() {}

  /** The frames of a stack trace, most recent call first; empty when none can be read. */
  static List<Frame> parse(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Frame> calls = new ArrayList<>();
    List<Frame> python = new ArrayList<>();
    text.lines().forEach(raw -> {
      String line = raw.strip();
      if (line.startsWith("at ")) {
        calls.add(call(line.substring(3).strip()));
      } else if (line.startsWith("File \"")) {
        Matcher m = PYTHON.matcher(line);
        if (m.matches()) {
          python.add(python(m.group(1), m.group(2).strip()));
        }
      }
    });
    if (!calls.isEmpty()) {
      return calls;
    }
    Collections.reverse(python);
    return python;
  }

  /**
   * A frame an SDK sent as fields, read as the same frame in a text stack would be: Java and .NET
   * {@code module.function}, Python {@code file in function} by {@link #python}, otherwise the
   * function (JavaScript) or the file. The SDK's {@code in_app}, when it gives one, wins over the
   * runtime prefixes.
   */
  static Frame structured(StructuredEvent.StackFrame f, String platform) {
    String function = blankToNull(f.function());
    String module = blankToNull(f.module());
    String path = blankToNull(f.absPath()) != null ? f.absPath() : blankToNull(f.filename());
    Frame read;
    if ("python".equalsIgnoreCase(platform) && path != null && function != null) {
      read = python(path, function);
    } else if (module != null && function != null) {
      String symbol = Normalize.symbol(module + "." + function);
      read = new Frame(symbol, !isRuntime(symbol));
    } else if (function != null) {
      read = new Frame(Normalize.symbol(function), true);
    } else {
      read = new Frame(Normalize.symbol(LINE_AND_COLUMN.matcher(path == null ? "?" : path).replaceAll("")), true);
    }
    return f.inApp() == null ? read : new Frame(read.symbol(), f.inApp());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Frame call(String text) {
    Matcher m = CALL.matcher(text);
    if (!m.matches()) {
      // "at /app/index.js:10:15", "at async run (file:///app/x.mjs:3:9)" ...
      String symbol = Normalize.symbol(LINE_AND_COLUMN.matcher(text).replaceAll(""));
      return new Frame(symbol, true);
    }
    String symbol = Normalize.symbol(m.group(1));
    return new Frame(symbol, !isRuntime(symbol));
  }

  /** Whether a symbol is in a runtime's own packages ({@link #RUNTIME_PREFIXES}). */
  private static boolean isRuntime(String symbol) {
    for (String prefix : RUNTIME_PREFIXES) {
      if (symbol.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Python frame as {@code module in function}. The module is the path inside the standard
   * library or the installed packages when it is there ({@code json/decoder.py},
   * {@code requests/api.py}), else only the file name: install folders differ from machine to
   * machine, the file name does not.
   */
  private static Frame python(String path, String function) {
    String p = path.replace('\\', '/');
    Matcher pkg = PYTHON_PACKAGES.matcher(p);
    if (pkg.find()) {
      return new Frame(pkg.group(1) + " in " + function, false);
    }
    Matcher std = PYTHON_STDLIB.matcher(p);
    if (std.find()) {
      return new Frame(std.group(1) + " in " + function, false);
    }
    if (p.startsWith("<frozen ")) {
      return new Frame(p + " in " + function, false);
    }
    return new Frame(p.substring(p.lastIndexOf('/') + 1) + " in " + function, true);
  }
}
