package dev.beacon.api.content.docs;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.content.Viewer;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.DateRange;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Docs: the admin's {@code /v1/admin/doc[/{docId}]} (the admin guard runs first), the public
 * {@code GET /v1/doc/{docId}} and the rendered page {@code GET /v1/doc/{docId}/html}. Docs of
 * internal-only material answer 4004 to callers who may not see them.
 */
final class DocRoutes {
  private final Db db;
  private final DocsService docs;
  private final AuthGuard guard;
  private final Path dataDir;

  DocRoutes(Db db, DocsService docs, AuthGuard guard, Path dataDir) {
    this.db = db;
    this.docs = docs;
    this.guard = guard;
    this.dataDir = dataDir;
  }

  void mount(Routes routes) {
    routes.post("/v1/admin/doc").admin(this::create);
    routes.get("/v1/admin/doc").admin(this::list);
    routes.put("/v1/admin/doc/:docId").admin(this::update);
    routes.delete("/v1/admin/doc/:docId").admin(this::delete);
    routes.get("/v1/doc/:docId").open(this::get);
    routes.get("/v1/doc/:docId/html").open(this::html);
  }

  private void create(RoutingContext ctx) {
    DocPatch patch = DocPatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> docs.create(s, patch)).map(d -> Http.ok().put("docId", d.docId).put("doc", DocJson.detail(d))));
  }

  private void update(RoutingContext ctx) {
    DocPatch patch = DocPatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> docs.update(s, ctx.pathParam("docId"), patch)).map(d -> Http.ok().put("doc", DocJson.detail(d))));
  }

  private void delete(RoutingContext ctx) {
    Http.reply(ctx, db.tx(s -> {
      docs.delete(s, ctx.pathParam("docId"));
      return Http.ok();
    }));
  }

  private void list(RoutingContext ctx) {
    Params p = Params.of(ctx);
    Paging paging = Paging.from(p, DocsService.ORDER);
    DateRange created = DateRange.of(p, "startCreateDate", "endCreateDate");
    Http.reply(ctx, db.tx(s -> docs.list(s, p.get("name"), created, paging)).map(page -> Http.ok()
        .put("totalCount", page.totalCount())
        .put("docs", new JsonArray(page.map(DocJson::doc).items()))));
  }

  private void get(RoutingContext ctx) {
    String docId = ctx.pathParam("docId");
    Http.reply(ctx, Viewer.of(ctx, guard)
        .compose(v -> db.tx(s -> docs.visible(s, docId, v)))
        .map(d -> Http.ok().put("doc", DocJson.detail(d))));
  }

  /** The doc rendered as a page; reading a stored file and rendering run on the db worker. */
  private void html(RoutingContext ctx) {
    String docId = ctx.pathParam("docId");
    var local = ctx.request().localAddress();
    LocalFiles.ThisServer here = new LocalFiles.ThisServer(
        ctx.request().getHeader("Host"), local == null ? "" : local.host(), local == null ? -1 : local.port());
    Viewer.of(ctx, guard)
        .compose(v -> db.tx(s -> docs.visible(s, docId, v)))
        .compose(d -> db.blocking(() -> DocPage.render(d.name, markdownOf(d, here))))
        .onSuccess(page -> DocPage.send(ctx, page))
        .onFailure(ctx::fail);
  }

  /** The doc's inline content, else the stored markdown file its url names. Blocking. */
  private String markdownOf(Doc d, LocalFiles.ThisServer here) throws IOException {
    if (d.content != null) {
      return d.content;
    }
    String name = LocalFiles.fileNameOf(d.url, here);
    if (name == null) {
      throw ApiException.rule("doc " + d.docId + " has no content Beacon can render: it has no inline content and its url "
          + d.url + " points outside this server (Beacon does not fetch other servers)");
    }
    return LocalFiles.readMarkdown(dataDir, name);
  }
}
