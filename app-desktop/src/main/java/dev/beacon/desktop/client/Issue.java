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
    return new Issue(Fields.textOrNull(j, "issueId"), Fields.text(j, "title"), Fields.text(j, "culprit"),
        Fields.text(j, "type"), Fields.text(j, "status"), Fields.flag(j, "regression"), Fields.number(j, "count"),
        Fields.number(j, "machines"), Fields.texts(j, "versions"), Fields.text(j, "firstSeen"),
        Fields.text(j, "lastSeen"), Fields.text(j, "resolvedAt"), Fields.textOrNull(j, "resolvedVersion"));
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
