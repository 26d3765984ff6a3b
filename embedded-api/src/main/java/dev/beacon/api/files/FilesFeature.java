package dev.beacon.api.files;

import dev.beacon.api.core.DataFolder;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/**
 * Package hosting: uploads streamed to {@code DATA/files} ({@code /v1/user/uploadfile},
 * {@code /v1/uploadfile}), deletes, and the public download route {@code /files/{filename}} that
 * version urls can point at.
 */
public final class FilesFeature implements Feature {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FilesFeature.class);

  @Override
  public List<Class<?>> entities() {
    return List.of(StoredFile.class);
  }

  @Override
  public void start(ServerContext ctx) throws Exception {
    new FileStore(ctx.config().dataDir()).prepare();
  }

  @Override
  public List<DataFolder> dataFolders() {
    return List.of(DataFolder.afterDatabase(FileStore.FOLDER));
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    FileStore store = new FileStore(ctx.config().dataDir());
    new UploadRoutes(ctx, store, new FilesService(ctx, store)).mount(routes);
    new DownloadRoutes(store).mount(routes);
    ctx.db().blocking(() -> HashBackfill.run(ctx.db(), store))
        .onFailure(e -> LOG.warn("hashing files uploaded before Beacon kept SHA digests failed (tried again at the next start): {}", e.toString()));
  }
}
