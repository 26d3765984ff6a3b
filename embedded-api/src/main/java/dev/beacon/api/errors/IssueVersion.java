package dev.beacon.api.errors;

import dev.beacon.api.core.Dates;
import dev.beacon.api.shared.VersionComparator;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** How often an issue was seen in one version of the app. */
@Entity
@Table(name = "error_issue_version")
@IdClass(IssueVersion.Key.class)
public class IssueVersion {
  @Id
  @Column(name = "issue_id", length = 32)
  public String issueId;

  @Id
  @Column(name = "app_version", length = ErrorEvent.MAX_APP_VERSION)
  public String appVersion;

  @Column(name = "event_count", nullable = false)
  public long eventCount;

  @Column(name = "first_seen", nullable = false)
  public Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  public Instant lastSeen;

  /** The versions of each of the issues, oldest version first (as {@link VersionComparator} orders them). */
  static Map<String, List<IssueVersion>> of(Session s, Collection<String> issueIds) {
    if (issueIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<IssueVersion>> out = new HashMap<>();
    s.createSelectionQuery("from IssueVersion v where v.issueId in :ids", IssueVersion.class)
        .setParameter("ids", issueIds)
        .getResultList()
        .forEach(v -> out.computeIfAbsent(v.issueId, k -> new ArrayList<>()).add(v));
    out.values().forEach(list -> list.sort(Comparator.comparing(v -> v.appVersion, VersionComparator.INSTANCE)));
    return out;
  }

  /** The version names of one issue's entry in {@link #of}, oldest first. */
  static List<String> names(Map<String, List<IssueVersion>> versions, String issueId) {
    return versions.getOrDefault(issueId, List.of()).stream().map(v -> v.appVersion).toList();
  }

  JsonObject json() {
    return new JsonObject()
        .put("version", appVersion)
        .put("count", eventCount)
        .put("firstSeen", Dates.format(firstSeen))
        .put("lastSeen", Dates.format(lastSeen));
  }

  /** The primary key. */
  public record Key(String issueId, String appVersion) implements Serializable {}
}
