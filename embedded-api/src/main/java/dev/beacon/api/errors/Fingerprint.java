package dev.beacon.api.errors;

import dev.beacon.api.core.Body;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What decides the issue of an event, and how the issue reads. The fingerprint is the SHA-256 of
 * the normalised error type without its package or namespace ({@link #typeName}) plus either the
 * top {@value #TOP_FRAMES} frames of the stack (the in-app ones when there are any, see
 * {@link StackParser}) or, when no frame can be read, the normalised message (see
 * {@link Normalize}). The README's "Error grouping" section says the same for users;
 * {@value #RULES} names this rule set so that a later one can tell its issues apart. A structured
 * event (Sentry) is read the same way from its frames, unless it brings its own fingerprint (see
 * {@link #compute(String, String, List, List, String)}).
 *
 * <p>Issues opened under the rules before ({@value #PREVIOUS_RULES}: the type as reported) keep
 * their hash until their next event: {@link IssueGrouper} finds them by {@code previous} and gives
 * them this rule's hash.
 *
 * @param hash 64 hex characters, unique per app and issue
 * @param previous the hash the same event had under {@value #PREVIOUS_RULES}
 * @param type the error type as reported (family B: the start of the first line of the context)
 * @param title the type and the first line of the message, as the first event said them
 * @param culprit the top in-app frame (the top frame when none is in-app), or {@code null}
 */
record Fingerprint(String hash, String previous, String type, String title, String culprit) {
  static final int TOP_FRAMES = 5;
  static final String RULES = "v2";
  /** The rules before: the error type as reported, so {@code java.lang.IllegalStateException} and {@code IllegalStateException} differed. */
  static final String PREVIOUS_RULES = "v1";
  static final int MAX_TITLE = 255;
  static final int MAX_CULPRIT = 1000;
  /** The entry of a client's fingerprint that stands for Beacon's own rule (spaces ignored). */
  static final String DEFAULT_ENTRY = "{{default}}";

  /** {@code Type} or {@code Type: message} at the head of a log's context; the type has no spaces. */
  private static final Pattern HEADER = Pattern.compile("([A-Za-z_$][\\w.$`+<>\\[\\]]*)(?::\\s*(.*))?");
  /** What Java's default handler prints before an uncaught exception. */
  private static final Pattern UNCAUGHT = Pattern.compile("^Exception in thread \".*?\"\\s+");

  /**
   * Texts up to this many characters are fingerprinted on the request's event loop, before the
   * event queues for the database thread (which stores one batch at a time); longer ones there.
   */
  static final int INLINE_TEXT = 16 * 1024;

  /**
   * The fingerprint of a stored event. {@code fullStack} is the stack as the client sent it,
   * before it was cut to the column; {@code null} uses the stored one.
   */
  static Fingerprint of(ErrorEvent e, String fullStack) {
    if (ErrorEvent.LOG.equals(e.source)) {
      return ofContext(e.message);
    }
    return ofReport(e.errorType, e.message, fullStack != null ? fullStack : e.stack);
  }

  /** A family A report's fingerprint, from its type, message and stack as sent. */
  static Fingerprint ofReport(String errorType, String message, String stack) {
    String type = errorType == null ? "" : errorType.trim();
    String first = firstLine(message);
    return compute(type, message, stack, first.isEmpty() ? type : type + ": " + first);
  }

  /** Family B's context: its first line is {@code Type: message}, the lines after may be a stack. */
  static Fingerprint ofContext(String context) {
    String header = UNCAUGHT.matcher(firstLine(context)).replaceFirst("");
    Matcher m = HEADER.matcher(header);
    if (m.matches()) {
      return compute(m.group(1), m.group(2), context, header);
    }
    return compute(header, "", context, header);
  }

  private static Fingerprint compute(String type, String message, String stack, String title) {
    return compute(type, message, StackParser.parse(stack), List.of(), title);
  }

  /**
   * The fingerprint of an event that came with its structure: {@code frames} most recent call
   * first, as {@link StackParser} reads a text stack, so that the same bug sent as text by either
   * family and as frames by a Sentry SDK groups into one issue. A non-empty {@code custom} list is
   * the client's own fingerprint: its entries make the key, {@value #DEFAULT_ENTRY} standing for
   * Beacon's rule.
   */
  static Fingerprint compute(String type, String message, List<Frame> frames, List<String> custom, String title) {
    List<Frame> top = top(frames);
    StringBuilder rest = new StringBuilder();
    if (top.isEmpty()) {
      rest.append("message\n").append(Normalize.message(message));
    } else {
      rest.append("frames");
      for (Frame f : top) {
        rest.append('\n').append(f.symbol());
      }
    }
    String culprit = top.isEmpty() ? null : Body.truncate(top.get(0).symbol(), MAX_CULPRIT);
    String normalised = Normalize.message(type);
    return new Fingerprint(sha256(key(RULES, typeName(normalised), rest, custom)),
        sha256(key(PREVIOUS_RULES, normalised, rest, custom)), type, Body.truncate(title, MAX_TITLE), culprit);
  }

  /** The text a rule set hashes: its name, the type, the frames or message, or the client's own fingerprint. */
  private static String key(String rules, String type, CharSequence rest, List<String> custom) {
    String own = rules + '\n' + type + '\n' + rest;
    if (custom == null || custom.isEmpty()) {
      return own;
    }
    return rules + "\ncustom\n" + custom.stream()
        .map(entry -> DEFAULT_ENTRY.equals(entry.replace(" ", "")) ? own : entry)
        .collect(Collectors.joining("\n"));
  }

  /**
   * The type without its package, namespace or module: what follows the last {@code .} or
   * {@code ::}. The SDKs and the clients of the telemetry API name one type differently: .NET's
   * {@code GetType().Name} says {@code NullReferenceException} where the Sentry SDK says
   * {@code System.NullReferenceException}, Python's {@code __name__} says {@code ConfigError} where
   * a traceback says {@code app.errors.ConfigError}. Text with a space is no type name (a log's
   * first line that is a sentence, say) and is kept whole.
   */
  static String typeName(String type) {
    int end = type.length(); // not into generic arguments: List`1[[System.Int32, ...]], Result<a.B>
    for (int i = 0; i < end; i++) {
      char c = type.charAt(i);
      if (c == '[' || c == '<') {
        end = i;
      } else if (Character.isWhitespace(c)) {
        return type;
      }
    }
    int dot = type.lastIndexOf('.', end - 1);
    int colons = type.lastIndexOf("::", end - 2);
    int cut = Math.max(dot + 1, colons < 0 ? 0 : colons + 2);
    return cut >= end ? type : type.substring(cut);
  }

  /** The top {@value #TOP_FRAMES} in-app frames, or the top frames when none is in-app. */
  private static List<Frame> top(List<Frame> frames) {
    List<Frame> top = new ArrayList<>(TOP_FRAMES);
    for (Frame f : frames) {
      if (f.inApp() && top.size() < TOP_FRAMES) {
        top.add(f);
      }
    }
    if (top.isEmpty()) {
      for (int i = 0; i < frames.size() && i < TOP_FRAMES; i++) {
        top.add(frames.get(i));
      }
    }
    return top;
  }

  /** The first line of a text that has some content, trimmed; empty when there is none. */
  static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int n = text.length();
    for (int start = 0; start < n; ) {
      int end = start;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      // trimmed as String.trim does
      int s = start;
      int e = end;
      while (s < e && text.charAt(s) <= ' ') {
        s++;
      }
      while (e > s && text.charAt(e - 1) <= ' ') {
        e--;
      }
      if (s < e) {
        return text.substring(s, e);
      }
      start = end + 1;
    }
    return "";
  }

  private static String sha256(String text) {
    return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A digest per thread: looking one up costs more than hashing a key; {@code digest} leaves it reset. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  });
}
