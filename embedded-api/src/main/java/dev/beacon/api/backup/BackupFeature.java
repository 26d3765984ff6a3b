package dev.beacon.api.backup;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;

/** {@code POST /v1/admin/backup}: an online backup of the data folder (admins). */
public final class BackupFeature implements Feature {
  @Override
  public void mount(Routes routes, ServerContext sc) {
    Backups backups = new Backups(sc.config(), sc.db(), sc.clock(), sc.dataFolders());
    routes.post("/v1/admin/backup").admin(ctx -> Http.reply(ctx, sc.db().blocking(backups::create)
        .map(made -> Http.ok()
            .put("file", made.file().toString())
            .put("size", made.size()))));
  }
}
