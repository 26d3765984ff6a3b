package dev.beacon.api.files;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ServerContext;
import java.io.IOException;
import java.nio.file.Files;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeping and deleting uploaded files: the file in {@code DATA/files} and its {@code stored_file} row go together. */
final class FilesService {
  private static final Logger LOG = LoggerFactory.getLogger(FilesService.class);

  private final ServerContext sc;
  private final Db db;
  private final FileStore store;

  FilesService(ServerContext sc, FileStore store) {
    this.sc = sc;
    this.db = sc.db();
    this.store = store;
  }

  /**
   * Moves a complete upload into place under a new stored name and records it. Blocking (run it
   * on the db worker pool). If recording fails the file is removed again.
   */
  StoredFile keep(UploadReceiver.Received r, String openId) throws IOException {
    StoredFile f = new StoredFile();
    f.id = Ids.newId();
    f.filename = FileNames.newName(r.originalName());
    f.originalName = r.originalName();
    f.size = r.size();
    f.md5 = r.hashes().md5();
    f.sha1 = r.hashes().sha1();
    f.sha256 = r.hashes().sha256();
    f.sha512 = r.hashes().sha512();
    f.contentType = r.contentType();
    f.openId = openId;
    f.createdAt = sc.now();
    try {
      store.moveIntoPlace(r.temp(), f.filename);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(r.temp());
      throw e;
    }
    try {
      db.inTx(s -> {
        s.persist(f);
        return f;
      });
    } catch (RuntimeException e) {
      store.delete(f.filename);
      throw e;
    }
    return f;
  }

  /**
   * Deletes a stored file: its uploader may, an admin may delete any (4003 otherwise); 4004 when
   * unknown; 4007 while a version still points at it. The row goes first, then the file.
   * Blocking (run it on the db worker pool).
   */
  void delete(Principal who, String filename) throws IOException {
    store.path(filename);
    db.inTx(s -> {
      StoredFile f = byName(s, filename);
      if (f == null) {
        throw ApiException.notFound("no uploaded file " + filename);
      }
      if (!who.admin() && !f.openId.equals(who.openId())) {
        throw ApiException.forbidden("file " + filename + " was uploaded by another developer");
      }
      String user = FileUsage.firstUser(s, filename);
      if (user != null) {
        throw ApiException.rule("file " + filename + " is the package of " + user + "; point that version elsewhere or delete it first");
      }
      s.remove(f);
      return f;
    });
    if (!store.delete(filename)) {
      LOG.warn("uploaded file {} had a row but no file in {}", filename, store.root());
    }
  }

  /** The row of a stored name, or {@code null}. */
  static StoredFile byName(Session s, String filename) {
    return s.createSelectionQuery("from StoredFile f where f.filename = :n", StoredFile.class)
        .setParameter("n", filename)
        .getResultList().stream().findFirst().orElse(null);
  }
}
