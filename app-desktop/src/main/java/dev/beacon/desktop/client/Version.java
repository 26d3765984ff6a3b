package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * A version of an app or of a module: released or not, its channel, rollout percentage and state
 * (draft, rolling, released, halted, disabled), packages per platform and release history.
 */
public record Version(String versionId, String name, int code, String url, String md5, String desc, String deviceIds,
    List<String> platforms, boolean forceUpdate, boolean released, String createDate, String channel, int rollout,
    String state, boolean downgrade, String minSystemVersion, List<VersionPackage> packages, List<VersionChange> history) {
  public Version {
    platforms = List.copyOf(platforms);
    packages = List.copyOf(packages);
    history = List.copyOf(history);
  }

  /** From the API's version object ({@code active} 1 is released, for app and module versions alike). */
  public static Version from(JsonObject j) {
    return new Version(Json.textOrNull(j, "versionId"), Json.text(j, "name"), Json.integer(j, "code"),
        Json.text(j, "url"), Json.text(j, "md5"), Json.text(j, "desc"), Json.text(j, "deviceIds"),
        Json.texts(j, "platforms"), Json.flag(j, "forceUpdate"), Json.integer(j, "active") == 1,
        Json.text(j, "createDate"), j.containsKey("channel") ? Json.text(j, "channel") : "stable",
        (int) Json.number(j, "rollout", 100), j.containsKey("state") ? Json.text(j, "state") : "draft",
        Json.flag(j, "downgrade"), Json.text(j, "minimumSystemVersion"), Json.list(j, "packages", VersionPackage::from),
        Json.list(j, "history", VersionChange::from));
  }

  /** The devices the version is offered to (empty: every device). */
  public List<String> devices() {
    return deviceIds == null || deviceIds.isBlank() ? List.of()
        : Arrays.stream(deviceIds.split("[;,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  /** The same version, released or not (until the server's answer replaces it). */
  public Version withReleased(boolean on) {
    return new Version(versionId, name, code, url, md5, desc, deviceIds, platforms, forceUpdate, on, createDate, channel,
        on ? 100 : rollout, on ? "released" : "disabled", downgrade, minSystemVersion, packages, history);
  }

  /** The rollout in words: "25% (rolling)", "100%", "halted at 25%", "draft". */
  public String rolloutText() {
    return rolloutText(state, rollout);
  }

  /** A state and percentage in words: "25% (rolling)", "100%", "halted at 25%", "draft". */
  public static String rolloutText(String state, int rollout) {
    return switch (state) {
      case "rolling" -> rollout + "% (rolling)";
      case "released" -> "100%";
      case "halted" -> "halted at " + rollout + "%";
      case "unreleased" -> "not in Releases";
      default -> state;
    };
  }
}
