package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code GET .../issues/{id}}: the issue, its newest event (null once past retention), its events
 * per version and per day over the last 30 days.
 */
public record IssueDetail(Issue issue, ErrorEvent latestEvent, List<VersionCount> versionCounts, List<DayCount> dailyCounts) {
  /** The issue's events in one version, and when it was first and last seen in it. */
  public record VersionCount(String version, long count, String firstSeen, String lastSeen) {
    static VersionCount from(JsonObject j) {
      return new VersionCount(Json.text(j, "version"), Json.number(j, "count"), Json.text(j, "firstSeen"),
          Json.text(j, "lastSeen"));
    }
  }

  /** The issue's events on one day ({@code yyyy-MM-dd}). */
  public record DayCount(String day, long count) {
    static DayCount from(JsonObject j) {
      return new DayCount(Json.text(j, "day"), Json.number(j, "count"));
    }
  }

  public IssueDetail {
    versionCounts = List.copyOf(versionCounts);
    dailyCounts = List.copyOf(dailyCounts);
  }

  public static IssueDetail from(JsonObject j) {
    JsonObject latest = j.getJsonObject("latestEvent");
    return new IssueDetail(Issue.from(j.getJsonObject("issue", new JsonObject())),
        latest == null ? null : ErrorEvent.from(latest),
        Json.objects(j, "versionCounts").stream().map(VersionCount::from).toList(),
        Json.objects(j, "dailyCounts").stream().map(DayCount::from).toList());
  }
}
