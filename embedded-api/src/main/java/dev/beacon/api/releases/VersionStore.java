package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The storage rules app versions and module versions share, for one entity type: codes are
 * unique under the parent (4007), lists page by name, create_date or code (default code:desc),
 * and upgrades read the released versions, highest code first. Every method runs inside a
 * transaction the caller opened; the caller checks that the parent is the developer's own.
 *
 * @param <V> the version entity
 */
public final class VersionStore<V extends PackagedVersion> {
  /** The order of version lists: by name, creation or code, highest code first unless asked otherwise. */
  public static final Ordering ORDER =
      Ordering.of(Map.of("name", "name", "create_date", "createdAt", "code", "code"), "code:desc", "versionId");

  private final Class<V> type;
  private final String entity;
  private final String parentProperty;
  private final String parentNoun;

  /**
   * @param type the entity class
   * @param parentProperty the entity property that holds the parent's id ({@code appId}, {@code moduleId})
   * @param parentNoun what the parent is called in messages ("app", "module")
   */
  public VersionStore(Class<V> type, String parentProperty, String parentNoun) {
    this.type = type;
    this.entity = type.getSimpleName();
    this.parentProperty = parentProperty;
    this.parentNoun = parentNoun;
  }

  /** Stores a new version under {@code v.parentId()}, which the caller has set. */
  public V insert(Session s, V v, PackagePatch patch, Instant now) {
    checkCodeFree(s, v.parentId(), patch.code(), null);
    v.versionId = Ids.newId();
    patch.applyTo(v);
    v.createdAt = now;
    v.updatedAt = now;
    s.persist(v);
    replacePackages(s, v, patch.resolvedPackages());
    return v;
  }

  /** Applies an edit: a new code must be free, a released version must keep its package. */
  public V update(Session s, V v, PackagePatch patch, Instant now) {
    if (patch.code() != null && patch.code() != v.code) {
      checkCodeFree(s, v.parentId(), patch.code(), v.versionId);
    }
    patch.applyTo(v);
    v.checkStillReleasable();
    v.updatedAt = now;
    replacePackages(s, v, patch.resolvedPackages());
    return v;
  }

  /**
   * Carries out a release action ({@link ReleaseAction}) by {@code openId} and records it in the
   * version's history. The seed's release of a version already released to everyone changes
   * nothing and records nothing.
   */
  public V act(Session s, V v, ReleaseAction action, String openId, Instant now) {
    ReleaseState from = v.releaseState();
    int fromRollout = v.rollout;
    ReleaseAction.Target to = action.target(from, v.rollout, v.name);
    boolean downgrade = action.kind() == ReleaseAction.Kind.RELEASE ? action.downgrade()
        : to.state().live() && v.downgrade;
    if (from == to.state() && fromRollout == to.rollout() && downgrade == v.downgrade) {
      return v;
    }
    v.moveTo(to.state(), to.rollout(), now);
    v.downgrade = downgrade;
    VersionChange c = new VersionChange();
    c.changeId = Ids.newId();
    VersionLinks.link(v, c);
    c.at = now;
    c.openId = openId;
    c.action = action.kind().name().toLowerCase(java.util.Locale.ROOT);
    c.fromState = from.wire();
    c.toState = to.state().wire();
    c.fromRollout = fromRollout;
    c.toRollout = to.rollout();
    c.downgrade = downgrade;
    c.comment = action.comment();
    s.persist(c);
    return v;
  }

  /** Replaces the version's packages when the edit sent a list ({@code null}: leaves them). */
  private void replacePackages(Session s, V v, List<VersionPackage> packages) {
    if (packages == null) {
      return;
    }
    s.createMutationQuery("delete from VersionPackage p where p." + VersionLinks.property(v) + " = :v")
        .setParameter("v", v.versionId).executeUpdate();
    int position = 0;
    for (VersionPackage p : packages) {
      p.packageId = Ids.newId();
      VersionLinks.link(v, p);
      p.position = position++;
      s.persist(p);
    }
  }

  /** The packages and history of these versions, for answers. */
  public VersionDetails details(Session s, List<V> versions) {
    return VersionDetails.load(s, versions);
  }

  /** The version under the parent, or 4004. */
  public V find(Session s, String parentId, String versionId) {
    V v = versionId == null ? null : s.find(type, versionId);
    if (v == null || !v.parentId().equals(parentId)) {
      throw ApiException.notFound("no version " + versionId + " in " + parentNoun + " " + parentId);
    }
    return v;
  }

  public Page<V> list(Session s, String parentId, Paging paging) {
    return ListQuery.of(type, "v").equal("v." + parentProperty, parentId).page(s, type, paging);
  }

  /** The parent's released versions, highest code first. */
  public List<V> released(Session s, String parentId) {
    return s.createSelectionQuery(
            "from " + entity + " v where v." + parentProperty + " = :p and v.released = true order by v.code desc", type)
        .setParameter("p", parentId)
        .getResultList();
  }

  private void checkCodeFree(Session s, String parentId, int code, String exceptVersionId) {
    List<String> taken = s.createSelectionQuery(
            "select v.versionId from " + entity + " v where v." + parentProperty + " = :p and v.code = :code", String.class)
        .setParameter("p", parentId)
        .setParameter("code", code)
        .getResultList();
    if (taken.stream().anyMatch(id -> !id.equals(exceptVersionId))) {
      throw ApiException.rule("the " + parentNoun + " already has a version with code " + code
          + "; codes are unique within " + (parentNoun.startsWith("a") ? "an " : "a ") + parentNoun);
    }
  }
}
