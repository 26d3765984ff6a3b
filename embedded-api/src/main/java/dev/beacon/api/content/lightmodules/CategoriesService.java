package dev.beacon.api.content.lightmodules;

import dev.beacon.api.content.Lookup;
import dev.beacon.api.content.References;
import dev.beacon.api.content.docs.Doc;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ServerContext;
import java.util.List;
import org.hibernate.Session;

/** What can be done with light-module categories. Every method runs inside a transaction the caller opened. */
final class CategoriesService {
  private final ServerContext sc;

  CategoriesService(ServerContext sc) {
    this.sc = sc;
  }

  LightModuleCategory create(Session s, CategoryPatch p) {
    LightModuleCategory c = new LightModuleCategory();
    c.categoryId = Ids.newId();
    c.type = LightModule.ORDINARY;
    c.createdAt = sc.now();
    apply(s, c, p);
    s.persist(c);
    return c;
  }

  LightModuleCategory update(Session s, String categoryId, CategoryPatch p) {
    LightModuleCategory c = find(s, categoryId);
    apply(s, c, p);
    return c;
  }

  /** 4007 while light modules are in the category. */
  void delete(Session s, String categoryId) {
    LightModuleCategory c = find(s, categoryId);
    References.refuseCategoryDelete(s, categoryId);
    s.remove(c);
  }

  LightModuleCategory find(Session s, String categoryId) {
    return Lookup.require(s, LightModuleCategory.class, categoryId, "light-module category");
  }

  /** Every category, oldest first. */
  List<LightModuleCategory> all(Session s) {
    return s.createSelectionQuery("from LightModuleCategory c order by c.createdAt, c.categoryId", LightModuleCategory.class)
        .getResultList();
  }

  private void apply(Session s, LightModuleCategory c, CategoryPatch p) {
    if (p.name() != null && !p.name().equalsIgnoreCase(c.name)) {
      boolean taken = !s.createSelectionQuery("select c.categoryId from LightModuleCategory c where lower(c.name) = lower(:n)",
          String.class).setParameter("n", p.name()).getResultList().isEmpty();
      if (taken) {
        throw ApiException.rule("a light-module category named '" + p.name() + "' already exists");
      }
    }
    if (p.name() != null) {
      c.name = p.name();
    }
    if (p.docId() != null) {
      c.docId = Lookup.require(s, Doc.class, p.docId(), "doc (docId)").docId;
    }
    if (p.type() != null) {
      c.type = p.type();
    }
    c.updatedAt = sc.now();
  }
}
