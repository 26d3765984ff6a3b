package dev.beacon.api.content;

import dev.beacon.api.core.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * What still refers to a doc, an SDK or a light-module category. Deleting one of them while it is
 * referred to is a 4007 whose message names the referrers, so that the admin knows what to change
 * first. The schema's foreign keys hold the same rule should a race slip past this check.
 */
public final class References {
  private static final int SHOWN = 5;

  private final Session s;
  private final String what;
  private final String id;
  private final List<String> found = new ArrayList<>();

  private References(Session s, String what, String id) {
    this.s = s;
    this.what = what;
    this.id = id;
  }

  /** 4007 unless no tree node, resource, light-module category or light module uses the doc. */
  public static void refuseDocDelete(Session s, String docId) {
    new References(s, "doc " + docId, docId)
        .look("tree nodes", "select n.name from DocTreeNode n where n.docId = :id order by n.name")
        .look("resources", "select r.name from SdkResource r where r.docId = :id order by r.name")
        .look("light-module categories", "select c.name from LightModuleCategory c where c.docId = :id order by c.name")
        .look("light modules", "select m.name from LightModule m where m.docId = :id order by m.name")
        .refuseIfAny();
  }

  /** 4007 unless no light module, resource or tree node belongs to the SDK. */
  public static void refuseSdkDelete(Session s, String sdkId) {
    new References(s, "SDK " + sdkId, sdkId)
        .look("light modules", "select m.name from LightModule m where m.sdkId = :id order by m.name")
        .look("resources", "select r.name from SdkResource r where r.sdkId = :id order by r.name")
        .look("tree nodes", "select n.name from DocTreeNode n where n.sdkId = :id order by n.name")
        .refuseIfAny();
  }

  /** 4007 unless no light module is in the category. */
  public static void refuseCategoryDelete(Session s, String categoryId) {
    new References(s, "light-module category " + categoryId, categoryId)
        .look("light modules", "select m.name from LightModule m where m.categoryId = :id order by m.name")
        .refuseIfAny();
  }

  private References look(String kind, String hql) {
    List<String> names = s.createSelectionQuery(hql, String.class).setParameter("id", id).getResultList();
    if (!names.isEmpty()) {
      String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
      found.add(kind + " (" + names.size() + ": " + shown + (names.size() > SHOWN ? ", ..." : "") + ")");
    }
    return this;
  }

  private void refuseIfAny() {
    if (!found.isEmpty()) {
      throw ApiException.rule(what + " is still used by " + String.join(", ", found)
          + "; change or delete those first");
    }
  }
}
