package dev.beacon.api.errors;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An error event that arrives with its structure (a Sentry SDK's event) rather than as text: what
 * {@link EventIntake} stores and groups.
 *
 * @param eventUid the client's id of the event (32 hex digits): the same id twice for one app is
 *     stored and counted once
 * @param at when it happened (the server's clock when the client gave no usable time)
 * @param version the app version the event counts in ({@code 1.4.2+17} of {@code name@1.4.2+17})
 * @param releaseName the release as sent
 * @param exceptions the exceptions, oldest first: the last one is the one that was thrown
 * @param frames when there is no exception, the frames of the thread that captured the event
 *     (oldest caller first); otherwise empty
 * @param fingerprint the client's own fingerprint ({@code {{ default }}} stands for Beacon's);
 *     empty or {@code null}: Beacon's
 * @param message the captured message (logentry or message), or {@code null}
 * @param machineId the machine's raw id ({@code null}: the event counts in its issue but among
 *     no machines); stored hashed
 * @param details what is shown with the event (tags, contexts, user, breadcrumbs, sdk ...)
 * @param attachments files already written by {@link EventIntake#newAttachmentFile}
 */
public record StructuredEvent(String eventUid, Instant at, String level, String platform, String version,
    String releaseName, String environment, List<Exception> exceptions, List<StackFrame> frames,
    List<String> fingerprint, String message, String machineId, String osInfo, JsonObject details,
    List<Attachment> attachments) {

  /** One exception of a chain; {@code frames} oldest caller first (the last is where it was raised). */
  public record Exception(String type, String module, String value, List<StackFrame> frames) {}

  /**
   * One frame as the SDK describes it.
   *
   * @param inApp the SDK's verdict, or {@code null} to let Beacon decide by the runtime's prefixes
   */
  public record StackFrame(String module, String function, String filename, String absPath, Integer lineno,
      Boolean inApp) {}

  /** A file that came with the event, already written to {@code file}. */
  public record Attachment(Path file, String filename, String contentType, String attachmentType, long size) {}
}
