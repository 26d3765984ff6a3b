package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A group of error reports with the same fingerprint: its title and culprit, its status
 * ({@code unresolved}, {@code resolved} or {@code ignored}; a regression is a resolved issue seen
 * again), how many events on how many machines, the versions it was seen in, and when.
 */
public record Issue(String issueId, String title, String culprit, String type, String status, boolean regression,
    long count, long machines, List<String> versions, String firstSeen, String lastSeen, String resolvedAt,
    String resolvedVersion) {
  public static final String UNRESOLVED = "unresolved";
  public static final String RESOLVED = "resolved";
  public static final String IGNORED = "ignored";

  public Issue {
    versions = List.copyOf(versions);
  }

  public static Issue from(JsonObject j) {
    return new Issue(Json.textOrNull(j, "issueId"), Json.text(j, "title"), Json.text(j, "culprit"),
        Json.text(j, "type"), Json.text(j, "status"), Json.flag(j, "regression"), Json.number(j, "count"),
        Json.number(j, "machines"), Json.texts(j, "versions"), Json.text(j, "firstSeen"),
        Json.text(j, "lastSeen"), Json.text(j, "resolvedAt"), Json.textOrNull(j, "resolvedVersion"));
  }

  public boolean canResolve() {
    return !RESOLVED.equals(status);
  }

  public boolean canIgnore() {
    return !IGNORED.equals(status);
  }

  public boolean canReopen() {
    return !UNRESOLVED.equals(status);
  }
}
