package dev.beacon.api.content.docs;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.content.Viewer;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.ext.web.RoutingContext;

/**
 * The doc tree: the public {@code GET /v1/doc/tree} and the admin's nodes
 * {@code POST /v1/admin/doc/tree}, {@code PUT|DELETE /v1/admin/doc/tree/{id}} (the admin guard
 * runs first). Mounted before {@code /v1/doc/{docId}} so that "tree" is not taken for a doc id.
 */
final class DocTreeRoutes {
  private final Db db;
  private final DocTreeService tree;
  private final AuthGuard guard;

  DocTreeRoutes(Db db, DocTreeService tree, AuthGuard guard) {
    this.db = db;
    this.tree = tree;
    this.guard = guard;
  }

  void mount(Routes routes) {
    routes.get("/v1/doc/tree").open(this::get);
    routes.post("/v1/admin/doc/tree").admin(this::create);
    routes.put("/v1/admin/doc/tree/:id").admin(this::update);
    routes.delete("/v1/admin/doc/tree/:id").admin(this::delete);
  }

  private void get(RoutingContext ctx) {
    Http.reply(ctx, Viewer.of(ctx, guard).compose(v -> db.tx(s -> tree.tree(s, v))).map(t -> Http.ok().put("tree", t)));
  }

  private void create(RoutingContext ctx) {
    TreeNodePatch patch = TreeNodePatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> {
      DocTreeNode n = tree.create(s, patch);
      return Http.ok().put("id", n.id).put("node", tree.json(s, n));
    }));
  }

  private void update(RoutingContext ctx) {
    TreeNodePatch patch = TreeNodePatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> Http.ok().put("node", tree.json(s, tree.update(s, ctx.pathParam("id"), patch)))));
  }

  /** {@code ?cascade=true} deletes a node with its whole subtree; without it a node with children is a 4007. */
  private void delete(RoutingContext ctx) {
    String cascade = Params.of(ctx).get("cascade");
    if (cascade != null && !cascade.equalsIgnoreCase("true") && !cascade.equalsIgnoreCase("false")) {
      throw ApiException.badParameter("cascade must be true or false, got '" + cascade + "'");
    }
    boolean all = "true".equalsIgnoreCase(cascade);
    Http.reply(ctx, db.tx(s -> Http.ok().put("deleted", tree.delete(s, ctx.pathParam("id"), all))));
  }
}
