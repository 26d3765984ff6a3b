package dev.beacon.api.errors;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.RateLimiter;
import dev.beacon.api.shared.MachineHash;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The door for error events that come with their structure (Sentry SDKs, see the {@code sentry}
 * feature): stored, deduplicated by their id and grouped into issues by the same group commit as
 * the two families' reports, so acknowledged means committed here too. Obtained from
 * {@link ErrorsFeature#intake()} once the server has mounted the feature.
 */
public final class EventIntake {
  /** What storing an event gave. */
  public record Result(String eventUid, String issueId, boolean duplicate) {}

  private final ErrorIngest ingest;
  private final Attachments attachments;
  private final RateLimiter limiter;

  EventIntake(ErrorIngest ingest, Attachments attachments, RateLimiter limiter) {
    this.ingest = ingest;
    this.attachments = attachments;
    this.limiter = limiter;
  }

  /** A new empty file to stream an attachment into (blocking). */
  public Path newAttachmentFile() throws IOException {
    return attachments.newFile();
  }

  /** Deletes attachment files that will not be kept (blocking). */
  public void discard(List<StructuredEvent.Attachment> files) {
    Attachments.discard(files);
  }

  /**
   * Spends one of the error events that {@code key} may send (the limit the error routes share,
   * {@code --error-rate}), or throws 429 with {@code Retry-After}.
   */
  public void limit(String key) {
    long wait = limiter.acquire(key.trim());
    if (wait > 0) {
      throw new ApiException(ApiException.RATE_LIMITED,
          "too many errors sent with this key (the limit is " + limiter.describe() + "); retry in " + wait + " s")
          .retryAfterSeconds(wait);
    }
  }

  /**
   * Stores an event of the app whose Sentry DSN has {@code sentryKey} and {@code projectId} (401 /
   * 403 as {@link dev.beacon.api.apps.AppAccess#bySentryKey} says). An event id the app already
   * has answers the stored event, counted once, and its attachments are discarded. Call it on the
   * request's event loop.
   */
  public Future<Result> add(String projectId, String sentryKey, StructuredEvent ev) {
    List<Frame> frames = frames(ev);
    StructuredEvent.Exception thrown = ev.exceptions().isEmpty() ? null : ev.exceptions().get(ev.exceptions().size() - 1);
    String type = thrown == null ? "" : qualified(thrown);
    String message = thrown != null ? thrown.value() : ev.message();
    String first = Fingerprint.firstLine(message);
    String title = thrown == null ? (first.isEmpty() ? "(no message)" : first) : first.isEmpty() ? type : type + ": " + first;
    String stack = stackText(ev);
    String details = details(ev.details());
    // worked out here, so that the database thread only stores (frames are at most a few hundred)
    Fingerprint fingerprint = Fingerprint.compute(type, message, frames, ev.fingerprint(), title);
    ErrorIngest.Pending p = new ErrorIngest.Pending(ErrorIngest.AppRef.bySentryKey(projectId, sentryKey), (app, e) -> {
      e.source = ErrorEvent.SENTRY;
      e.errorType = type.isEmpty() ? null : Body.truncate(type, ErrorEvent.MAX_TYPE);
      e.message = Body.truncate(message, ErrorEvent.MAX_MESSAGE);
      e.stack = Body.truncate(stack, ErrorEvent.MAX_STACK);
      e.osInfo = Body.truncate(ev.osInfo(), ErrorEvent.MAX_OS_INFO);
      e.appVersion = Body.truncate(ev.version(), ErrorEvent.MAX_APP_VERSION);
      e.machineId = ev.machineId() == null ? null : MachineHash.of(app.secret, ev.machineId());
      e.level = Body.truncate(ev.level(), 16);
      e.environment = Body.truncate(ev.environment(), ErrorEvent.MAX_ENVIRONMENT);
      e.platform = Body.truncate(ev.platform(), 32);
      e.releaseName = Body.truncate(ev.releaseName(), ErrorEvent.MAX_RELEASE);
      e.details = details;
    }, e -> fingerprint, ev.at(), ev.eventUid(), ev.attachments());
    return ingest.add(p).map(stored -> {
      if (stored.duplicate()) {
        Attachments.discard(ev.attachments());
      }
      return new Result(stored.event().eventUid, stored.event().issueId, stored.duplicate());
    }).onFailure(err -> Attachments.discard(ev.attachments()));
  }

  /**
   * The event's frames most recent call first, as a text stack lists them: the thrown exception's
   * from where it was raised down to the oldest caller, then its cause's, and so on; or the
   * capturing thread's.
   */
  private static List<Frame> frames(StructuredEvent ev) {
    List<Frame> out = new ArrayList<>();
    if (!ev.exceptions().isEmpty()) {
      for (int i = ev.exceptions().size() - 1; i >= 0; i--) {
        addNewestFirst(out, ev.exceptions().get(i).frames(), ev.platform());
      }
    } else {
      addNewestFirst(out, ev.frames(), ev.platform());
    }
    return out;
  }

  private static void addNewestFirst(List<Frame> out, List<StructuredEvent.StackFrame> oldestFirst, String platform) {
    List<StructuredEvent.StackFrame> fs = new ArrayList<>(oldestFirst);
    Collections.reverse(fs);
    fs.forEach(f -> out.add(StackParser.structured(f, platform)));
  }

  /** The type with its module when the SDK sends them apart (Java: {@code java.lang} + {@code IllegalStateException}). */
  static String qualified(StructuredEvent.Exception x) {
    String type = x.type() == null ? "" : x.type().strip();
    String module = x.module() == null ? "" : x.module().strip();
    if (type.indexOf('.') < 0 && isDotted(module)) {
      return module + "." + type;
    }
    return type.isEmpty() ? "Error" : type;
  }

  /** Whether {@code s} is a dotted name: two or more identifiers ({@code [A-Za-z_][A-Za-z0-9_$]*}) joined by dots. */
  private static boolean isDotted(String s) {
    int parts = 0;
    int i = 0;
    int n = s.length();
    while (true) {
      if (i >= n || !(isAsciiLetter(s.charAt(i)) || s.charAt(i) == '_')) {
        return false;
      }
      i++;
      while (i < n && (isAsciiLetter(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '_'
          || s.charAt(i) == '$')) {
        i++;
      }
      parts++;
      if (i == n) {
        return parts >= 2;
      }
      if (s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The stack as a Java-style text for reading: the thrown exception first, then {@code Caused by:} its causes. */
  private static String stackText(StructuredEvent ev) {
    StringBuilder sb = new StringBuilder();
    if (ev.exceptions().isEmpty()) {
      appendFrames(sb, ev.frames());
      return sb.isEmpty() ? null : sb.toString();
    }
    for (int i = ev.exceptions().size() - 1; i >= 0; i--) {
      StructuredEvent.Exception x = ev.exceptions().get(i);
      if (i < ev.exceptions().size() - 1) {
        sb.append("Caused by: ");
      }
      sb.append(qualified(x));
      if (x.value() != null && !x.value().isEmpty()) {
        sb.append(": ").append(x.value());
      }
      sb.append('\n');
      appendFrames(sb, x.frames());
    }
    return sb.toString();
  }

  private static void appendFrames(StringBuilder sb, List<StructuredEvent.StackFrame> oldestFirst) {
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      StructuredEvent.StackFrame f = oldestFirst.get(i);
      String where = f.filename() != null ? f.filename() : f.absPath() != null ? f.absPath() : "Unknown Source";
      sb.append("\tat ");
      if (f.module() != null && !f.module().isBlank()) {
        sb.append(f.module()).append('.');
      }
      sb.append(f.function() == null ? "?" : f.function()).append('(').append(where);
      if (f.lineno() != null) {
        sb.append(':').append(f.lineno().intValue());
      }
      sb.append(")\n");
    }
  }

  /** The details as stored: without breadcrumbs, then without contexts, when too long for the column. */
  private static String details(JsonObject details) {
    String text = details == null ? "{}" : details.encode();
    if (text.length() <= ErrorEvent.MAX_DETAILS) {
      return text;
    }
    JsonObject d = details.copy();
    for (String drop : List.of("breadcrumbs", "contexts", "exceptions", "extra")) {
      if (text.length() <= ErrorEvent.MAX_DETAILS) {
        return text;
      }
      d.remove(drop);
      d.put("truncated", true);
      text = d.encode();
    }
    return text.length() <= ErrorEvent.MAX_DETAILS ? text : new JsonObject().put("truncated", true).encode();
  }
}
