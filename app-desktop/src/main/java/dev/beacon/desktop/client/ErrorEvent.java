package dev.beacon.desktop.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One stored error report, error log or Sentry event: when, from which version, machine, OS and
 * package, its type, message, stack and one-line context, and the issue it was grouped into.
 * {@code machineHash} is set in an issue's events only; a Sentry event also has its environment,
 * level, release, SDK, tags, contexts, breadcrumbs and attachments (empty for the others).
 */
public record ErrorEvent(String id, String issueId, String createDate, String source, String appVersion,
    String deviceId, String machineHash, String appPackage, String osInfo, String errorType, String message,
    String stack, String context, String environment, String level, String release, String sdk,
    Map<String, String> tags, String contexts, List<String> breadcrumbs, List<Attachment> attachments) {

  /** A file that came with the event. */
  public record Attachment(String attachmentId, String filename, String attachmentType, long size) {
    static Attachment from(JsonObject j) {
      return new Attachment(Json.text(j, "attachmentId"), Json.text(j, "filename"), Json.text(j, "attachmentType"),
          Json.number(j, "size"));
    }

    /** {@code app.log (1.2 KB)}. */
    public String label() {
      return filename + " (" + (size < 1024 ? size + " B" : String.format(java.util.Locale.ROOT, "%.1f KB", size / 1024.0)) + ")";
    }
  }

  public ErrorEvent {
    tags = Map.copyOf(tags);
    breadcrumbs = List.copyOf(breadcrumbs);
    attachments = List.copyOf(attachments);
  }

  public static ErrorEvent from(JsonObject j) {
    JsonObject sdk = j.getValue("sdk") instanceof JsonObject o ? o : null;
    Map<String, String> tags = new java.util.TreeMap<>();
    if (j.getValue("tags") instanceof JsonObject t) {
      t.forEach(e -> tags.put(e.getKey(), e.getValue() == null ? "" : e.getValue().toString()));
    }
    List<String> crumbs = new ArrayList<>();
    if (j.getValue("breadcrumbs") instanceof JsonArray list) {
      for (Object o : list) {
        if (o instanceof JsonObject b) {
          crumbs.add(String.join(" ", List.of(Json.text(b, "timestamp"), Json.text(b, "category"), Json.text(b, "message"))).strip());
        }
      }
    }
    return new ErrorEvent(Json.text(j, "id"), Json.text(j, "issueId"), Json.text(j, "createDate"),
        Json.text(j, "source"), Json.text(j, "appVersion"), Json.text(j, "deviceId"),
        Json.text(j, "machineHash"), Json.text(j, "appPackage"), Json.text(j, "osInfo"),
        Json.text(j, "errorType"), Json.text(j, "message"), Json.text(j, "stack"), Json.text(j, "context"),
        Json.text(j, "environment"), Json.text(j, "level"), Json.text(j, "release"),
        sdk == null ? "" : (Json.text(sdk, "name") + " " + Json.text(sdk, "version")).strip(), tags,
        j.getValue("contexts") instanceof JsonObject c ? c.encodePrettily() : "", crumbs,
        Json.objects(j, "attachments").stream().map(Attachment::from).toList());
  }

  /** The stack trace, or the context line when the report carried no stack (an error log). */
  public String stackText() {
    return stack.isEmpty() ? context : stack;
  }

  /**
   * What a Sentry event says beside its stack, as lines to read: environment, level, release,
   * SDK, tags, contexts and breadcrumbs; empty for the two families' events.
   */
  public String detailsText() {
    StringBuilder sb = new StringBuilder();
    line(sb, "Environment", environment);
    line(sb, "Level", level);
    line(sb, "Release", release);
    line(sb, "SDK", sdk);
    if (!tags.isEmpty()) {
      sb.append("Tags:\n");
      tags.forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
    }
    if (!contexts.isEmpty()) {
      sb.append("Contexts:\n").append(contexts.indent(2));
    }
    if (!breadcrumbs.isEmpty()) {
      sb.append("Breadcrumbs:\n");
      breadcrumbs.forEach(b -> sb.append("  ").append(b).append('\n'));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, String value) {
    if (value != null && !value.isEmpty()) {
      sb.append(name).append(": ").append(value).append('\n');
    }
  }
}
