package dev.beacon.api.files;

import dev.beacon.api.core.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files uploaded before Beacon computed SHA digests at upload get them once, read from disk in the
 * background after the start (the feeds leave a package out until its hash is known).
 */
final class HashBackfill {
  private HashBackfill() {}

  /** Hashes every stored file without a SHA-512 (blocking); answers how many. */
  static int run(Db db, FileStore store) throws IOException {
    List<StoredFile> missing = db.inTx(s -> s.createSelectionQuery("from StoredFile f where f.sha512 is null", StoredFile.class)
        .getResultList());
    int done = 0;
    for (StoredFile f : missing) {
      Path p = store.path(f.filename);
      if (!Files.isRegularFile(p)) {
        continue;
      }
      FileHashes.Digests d = FileHashes.of(p);
      db.inTx(s -> s.createMutationQuery("update StoredFile f set f.sha1 = :a, f.sha256 = :b, f.sha512 = :c where f.id = :id")
          .setParameter("a", d.sha1()).setParameter("b", d.sha256()).setParameter("c", d.sha512()).setParameter("id", f.id)
          .executeUpdate());
      done++;
    }
    return done;
  }
}
