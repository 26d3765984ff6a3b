package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * One stored error report or error log: when, from which version, machine, OS and package, its
 * type, message, stack and one-line context, and the issue it was grouped into. {@code machineHash}
 * is set in an issue's events only.
 */
public record ErrorEvent(String id, String issueId, String createDate, String source, String appVersion,
    String deviceId, String machineHash, String appPackage, String osInfo, String errorType, String message,
    String stack, String context) {
  public static ErrorEvent from(JsonObject j) {
    return new ErrorEvent(Json.text(j, "id"), Json.text(j, "issueId"), Json.text(j, "createDate"),
        Json.text(j, "source"), Json.text(j, "appVersion"), Json.text(j, "deviceId"),
        Json.text(j, "machineHash"), Json.text(j, "appPackage"), Json.text(j, "osInfo"),
        Json.text(j, "errorType"), Json.text(j, "message"), Json.text(j, "stack"), Json.text(j, "context"));
  }

  /** The stack trace, or the context line when the report carried no stack (an error log). */
  public String stackText() {
    return stack.isEmpty() ? context : stack;
  }
}
