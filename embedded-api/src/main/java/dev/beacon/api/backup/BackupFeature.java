package dev.beacon.api.backup;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.ServerContext;
import io.vertx.ext.web.Router;

/** {@code POST /v1/admin/backup}: an online backup of the data folder (admins; the guard checks). */
public final class BackupFeature implements Feature {
  @Override
  public void mount(Router root, ServerContext sc) {
    Backups backups = new Backups(sc.config(), sc.db(), sc.clock());
    root.post("/v1/admin/backup").handler(ctx -> Http.reply(ctx, sc.db().blocking(backups::create)
        .map(made -> Http.ok()
            .put("file", made.file().toString())
            .put("size", made.size()))));
  }
}
