package dev.beacon.api.releases;

import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The packages and release history of some versions of one kind, read in two queries, for the
 * answers that show versions ({@link VersionJson}).
 */
public final class VersionDetails {
  private final Map<String, List<VersionPackage>> packages;
  private final Map<String, List<VersionChange>> history;

  private VersionDetails(Map<String, List<VersionPackage>> packages, Map<String, List<VersionChange>> history) {
    this.packages = packages;
    this.history = history;
  }

  /** Nothing known: versions answered without packages or history. */
  static final VersionDetails NONE = new VersionDetails(Map.of(), Map.of());

  static <V extends PackagedVersion> VersionDetails load(Session s, List<V> versions) {
    if (versions.isEmpty()) {
      return NONE;
    }
    String property = VersionLinks.property(versions.get(0));
    List<String> ids = versions.stream().map(v -> v.versionId).toList();
    Map<String, List<VersionPackage>> packages = new HashMap<>();
    s.createSelectionQuery("from VersionPackage p where p." + property + " in :ids order by p.position", VersionPackage.class)
        .setParameter("ids", ids).getResultList()
        .forEach(p -> packages.computeIfAbsent(p.versionId(), k -> new java.util.ArrayList<>()).add(p));
    Map<String, List<VersionChange>> history = new HashMap<>();
    s.createSelectionQuery("from VersionChange c where c." + property + " in :ids order by c.at, c.changeId", VersionChange.class)
        .setParameter("ids", ids).getResultList()
        .forEach(c -> history.computeIfAbsent(c.appVersionId != null ? c.appVersionId : c.moduleVersionId,
            k -> new java.util.ArrayList<>()).add(c));
    return new VersionDetails(packages, history);
  }

  /** The version's packages, in their order. */
  public List<VersionPackage> packages(String versionId) {
    return packages.getOrDefault(versionId, List.of());
  }

  /** The version's history, oldest first. */
  public List<VersionChange> history(String versionId) {
    return history.getOrDefault(versionId, List.of());
  }

  static JsonObject json(VersionPackage p) {
    return new JsonObject()
        .put("platform", p.platform)
        .put("arch", p.arch)
        .put("url", p.url)
        .put("fileId", p.fileId)
        .put("size", p.size)
        .put("md5", p.md5)
        .put("sha1", p.sha1)
        .put("sha256", p.sha256)
        .put("sha512", p.sha512)
        .put("edSignature", p.edSignature);
  }

  static JsonObject json(VersionChange c) {
    return new JsonObject()
        .put("date", Dates.format(c.at))
        .put("openId", c.openId)
        .put("action", c.action)
        .put("fromState", c.fromState)
        .put("toState", c.toState)
        .put("fromRollout", c.fromRollout)
        .put("toRollout", c.toRollout)
        .put("downgrade", c.downgrade)
        .put("comment", c.comment);
  }

  JsonArray packagesJson(String versionId) {
    return new JsonArray(packages(versionId).stream().map(VersionDetails::json).toList());
  }

  /** The history as answers show it. */
  public JsonArray historyJson(String versionId) {
    return new JsonArray(history(versionId).stream().map(VersionDetails::json).toList());
  }
}
