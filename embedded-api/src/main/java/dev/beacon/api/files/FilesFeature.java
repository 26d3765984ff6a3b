package dev.beacon.api.files;

import dev.beacon.api.core.DataFolder;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/**
 * Package hosting: uploads streamed to {@code DATA/files}, or the {@code --files} folder when given
 * (one that several instances share, so that a file uploaded through one downloads from any)
 * ({@code /v1/user/uploadfile}, {@code /v1/uploadfile}), deletes, and the public download route
 * {@code /files/{filename}} that version urls can point at.
 */
public final class FilesFeature implements Feature {
  private static final DataFolder FOLDER = DataFolder.hostedFiles(FileStore.FOLDER);
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FilesFeature.class);

  @Override
  public List<Class<?>> entities() {
    return List.of(StoredFile.class);
  }

  @Override
  public void start(ServerContext ctx) throws Exception {
    new FileStore(FOLDER.path(ctx.config())).prepare(ctx.config().filesDir() != null);
  }

  @Override
  public List<DataFolder> dataFolders() {
    return List.of(FOLDER);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    FileStore store = new FileStore(FOLDER.path(ctx.config()));
    new UploadRoutes(ctx, store, new FilesService(ctx, store)).mount(routes);
    new DownloadRoutes(store).mount(routes);
    ctx.db().blocking(() -> HashBackfill.run(ctx.db(), store))
        .onFailure(e -> LOG.warn("hashing files uploaded before Beacon kept SHA digests failed (tried again at the next start): {}", e.toString()));
  }
}
