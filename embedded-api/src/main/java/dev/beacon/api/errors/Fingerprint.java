package dev.beacon.api.errors;

import dev.beacon.api.core.Body;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What decides the issue of an event, and how the issue reads. The fingerprint is the SHA-256 of
 * the normalised error type plus either the top {@value #TOP_FRAMES} frames of the stack (the
 * in-app ones when there are any, see {@link StackParser}) or, when no frame can be read, the
 * normalised message (see {@link Normalize}). The README's "Error grouping" section says the same
 * for users; {@value #RULES} names this rule set so that a later one can tell its issues apart.
 * A structured event (Sentry) is read the same way from its frames, unless it brings its own
 * fingerprint (see {@link #compute(String, String, List, List, String)}).
 *
 * @param hash 64 hex characters, unique per app and issue
 * @param type the error type as reported (family B: the start of the first line of the context)
 * @param title the type and the first line of the message, as the first event said them
 * @param culprit the top in-app frame (the top frame when none is in-app), or {@code null}
 */
record Fingerprint(String hash, String type, String title, String culprit) {
  static final int TOP_FRAMES = 5;
  static final String RULES = "v1";
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
    List<Frame> inApp = frames.stream().filter(Frame::inApp).toList();
    List<Frame> top = (inApp.isEmpty() ? frames : inApp).stream().limit(TOP_FRAMES).toList();
    String key = RULES + "\n" + Normalize.message(type) + "\n" + (top.isEmpty()
        ? "message\n" + Normalize.message(message)
        : "frames\n" + top.stream().map(Frame::symbol).collect(Collectors.joining("\n")));
    if (custom != null && !custom.isEmpty()) {
      String ownKey = key;
      key = RULES + "\ncustom\n" + custom.stream()
          .map(entry -> DEFAULT_ENTRY.equals(entry.replace(" ", "")) ? ownKey : entry)
          .collect(Collectors.joining("\n"));
    }
    String culprit = top.isEmpty() ? null : Body.truncate(top.get(0).symbol(), MAX_CULPRIT);
    return new Fingerprint(sha256(key), type, Body.truncate(title, MAX_TITLE), culprit);
  }

  /** The first line of a text that has some content, trimmed; empty when there is none. */
  static String firstLine(String text) {
    return text == null ? "" : text.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
