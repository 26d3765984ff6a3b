package dev.beacon.api.alerts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An alert as each kind of destination takes it, made from its generic body ({@link Outbox#payload}):
 * the generic JSON as it is; Slack's incoming-webhook body {@code {"text", "blocks"}} (a section
 * in mrkdwn and a context line); Discord's execute-webhook body {@code {"content", "embeds"}}
 * within Discord's limits; an e-mail's subject and text.
 */
final class Bodies {
  private static final int SLACK_TEXT = 3000;
  private static final int DISCORD_CONTENT = 2000;
  private static final int DISCORD_TITLE = 256;
  private static final int DISCORD_DESCRIPTION = 4096;
  private static final int RED = 0xD7263D;
  private static final int ORANGE = 0xF18F01;

  private Bodies() {}

  static String forKind(String kind, JsonObject alert) {
    return switch (kind) {
      case AlertDestination.SLACK -> slack(alert).encode();
      case AlertDestination.DISCORD -> discord(alert).encode();
      default -> alert.encode();
    };
  }

  static JsonObject slack(JsonObject a) {
    JsonObject issue = a.getJsonObject("issue");
    String appName = a.getJsonObject("app").getString("name");
    StringBuilder section = new StringBuilder();
    if (issue != null) {
      section.append("*<").append(issue.getString("url")).append('|').append(escape(issue.getString("title"))).append(">*\n");
      if (issue.getString("culprit") != null) {
        section.append('`').append(escape(issue.getString("culprit"))).append("`\n");
      }
      section.append(issue.getLong("count")).append(" events on ").append(issue.getLong("machines")).append(" machines");
    } else {
      section.append(escape(a.getString("text")));
    }
    JsonArray blocks = new JsonArray()
        .add(new JsonObject().put("type", "section")
            .put("text", new JsonObject().put("type", "mrkdwn").put("text", cut(section.toString(), SLACK_TEXT))))
        .add(new JsonObject().put("type", "context").put("elements", new JsonArray()
            .add(new JsonObject().put("type", "mrkdwn").put("text", cut(escape("Beacon · " + appName + " · " + a.getString("event")), SLACK_TEXT)))));
    return new JsonObject().put("text", cut(escape(a.getString("text")), SLACK_TEXT)).put("blocks", blocks);
  }

  static JsonObject discord(JsonObject a) {
    JsonObject issue = a.getJsonObject("issue");
    JsonObject version = a.getJsonObject("version");
    JsonObject embed = new JsonObject().put("color", a.getString("event").startsWith("rollout") || "spike".equals(a.getString("event")) ? ORANGE : RED);
    JsonArray fields = new JsonArray().add(field("App", a.getJsonObject("app").getString("name")));
    if (issue != null) {
      embed.put("title", cut(issue.getString("title"), DISCORD_TITLE)).put("url", issue.getString("url"))
          .put("description", cut(a.getString("text"), DISCORD_DESCRIPTION));
      fields.add(field("Events", String.valueOf(issue.getLong("count")))).add(field("Machines", String.valueOf(issue.getLong("machines"))));
    } else {
      embed.put("title", cut(a.getString("event").replace('_', ' '), DISCORD_TITLE)).put("description", cut(a.getString("text"), DISCORD_DESCRIPTION));
    }
    if (version != null && version.getString("version") != null) {
      fields.add(field("Version", version.getString("version")));
    }
    embed.put("fields", fields).put("footer", new JsonObject().put("text", "Beacon"));
    return new JsonObject().put("content", cut(a.getString("text"), DISCORD_CONTENT)).put("embeds", new JsonArray().add(embed));
  }

  static String subject(JsonObject a) {
    return cut("[Beacon] " + a.getJsonObject("app").getString("name") + ": " + a.getString("text"), 250).replaceAll("[\\r\\n]+", " ");
  }

  static String mailText(JsonObject a) {
    StringBuilder b = new StringBuilder(a.getString("text")).append("\n\n");
    JsonObject issue = a.getJsonObject("issue");
    if (issue != null) {
      b.append(issue.getString("title")).append('\n');
      if (issue.getString("culprit") != null) {
        b.append(issue.getString("culprit")).append('\n');
      }
      b.append(issue.getLong("count")).append(" events on ").append(issue.getLong("machines")).append(" machines\n")
          .append(issue.getString("url")).append('\n');
    }
    JsonObject version = a.getJsonObject("version");
    if (version != null) {
      b.append("Version: ").append(version.getString("version")).append('\n');
    }
    return b.append("\nApp: ").append(a.getJsonObject("app").getString("name")).append(" (").append(a.getJsonObject("app").getString("appId"))
        .append(")\nSent by Beacon.\n").toString();
  }

  private static JsonObject field(String name, String value) {
    return new JsonObject().put("name", name).put("value", cut(value == null ? "-" : value, 1024)).put("inline", true);
  }

  /** Slack's control characters in text: &, < and >. */
  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
