package dev.beacon.api.content.docs;

import dev.beacon.api.content.Lookup;
import dev.beacon.api.content.References;
import dev.beacon.api.content.Text;
import dev.beacon.api.content.Viewer;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.DateRange;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import org.hibernate.Session;

/** What can be done with docs. Every method runs inside a transaction the caller opened. */
final class DocsService {
  /** The order of the doc list (the seed's columns): by name or creation, newest first unless asked otherwise. */
  static final Ordering ORDER = Ordering.byNameOrCreation("docId");

  private final ServerContext sc;

  DocsService(ServerContext sc) {
    this.sc = sc;
  }

  Doc create(Session s, DocPatch p) {
    Doc d = new Doc();
    d.docId = Ids.newId();
    d.name = p.name();
    d.type = p.type();
    d.url = Text.blankToNull(p.url());
    d.content = Text.blankToNull(p.content());
    d.createdAt = sc.now();
    d.updatedAt = d.createdAt;
    s.persist(d);
    return d;
  }

  Doc update(Session s, String docId, DocPatch p) {
    Doc d = find(s, docId);
    String url = p.url() == null ? d.url : Text.blankToNull(p.url());
    String content = p.content() == null ? d.content : Text.blankToNull(p.content());
    if (url == null && content == null) {
      throw ApiException.badParameter("a doc needs a url or content: it cannot lose both");
    }
    if (p.name() != null) {
      d.name = p.name();
    }
    if (p.type() != null) {
      d.type = p.type();
    }
    d.url = url;
    d.content = content;
    d.updatedAt = sc.now();
    return d;
  }

  void delete(Session s, String docId) {
    Doc d = find(s, docId);
    References.refuseDocDelete(s, docId);
    s.remove(d);
  }

  Doc find(Session s, String docId) {
    return Lookup.require(s, Doc.class, docId, "doc");
  }

  /** The doc if the viewer may see it; a hidden doc is a 4004 like a missing one. */
  Doc visible(Session s, String docId, Viewer viewer) {
    Doc d = find(s, docId);
    if (!viewer.seesInternal() && DocTree.load(s).docHidden(docId)) {
      throw ApiException.notFound("no doc " + docId);
    }
    return d;
  }

  /** The docs whose name contains {@code name} (any when {@code null}), created in the range. */
  Page<Doc> list(Session s, String name, DateRange created, Paging paging) {
    return ListQuery.of(Doc.class, "d")
        .contains(name, "d.name")
        .between("d.createdAt", created.from(), created.to())
        .page(s, Doc.class, paging);
  }
}
