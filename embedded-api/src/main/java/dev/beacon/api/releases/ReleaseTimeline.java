package dev.beacon.api.releases;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * What release health reads of versions: each version's release facts and when it first went out
 * (its age: the earliest change of its history into a live state; without history, when it was
 * released, else created). Inside the caller's transaction.
 */
public final class ReleaseTimeline {
  /** A version as release health shows it; {@code since} is when it first went out, {@code rolloutAt} when its rollout last changed. */
  public record Entry(String versionId, String name, int code, String channel, String state, int rollout,
      Instant since, Instant rolloutAt, boolean live) {}

  private ReleaseTimeline() {}

  /** The app's versions, highest code first. */
  public static List<Entry> appVersions(Session s, String appId) {
    return entries(s, s.createSelectionQuery("from AppVersion v where v.appId = :p order by v.code desc", AppVersion.class)
        .setParameter("p", appId).getResultList());
  }

  /** These versions (app or module versions of one parent) as release health shows them, in the order given. */
  public static <V extends PackagedVersion> List<Entry> entries(Session s, List<V> versions) {
    Map<String, Instant> firstLive = new HashMap<>();
    if (!versions.isEmpty()) {
      String column = versions.get(0).moduleVersion() ? "moduleVersionId" : "appVersionId";
      List<String> ids = versions.stream().map(v -> v.versionId).toList();
      s.createSelectionQuery("select c." + column + ", min(c.at) from VersionChange c where c." + column
              + " in :ids and c.toState in ('rolling', 'released', 'halted') group by c." + column, Object[].class)
          .setParameter("ids", ids).getResultList()
          .forEach(row -> firstLive.put((String) row[0], (Instant) row[1]));
    }
    return versions.stream().map(v -> {
      Instant since = firstLive.get(v.versionId);
      if (since == null) {
        since = v.releasedAt != null ? v.releasedAt : v.createdAt;
      }
      return new Entry(v.versionId, v.name, v.code, v.channel, v.state, v.rollout, since, v.rolloutAt, v.released);
    }).toList();
  }
}
