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
    return v;
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
