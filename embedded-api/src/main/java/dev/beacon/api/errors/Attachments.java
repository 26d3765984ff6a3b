package dev.beacon.api.errors;

import dev.beacon.api.core.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The files of error attachments: {@code DATA/error-attachments/{attachmentId}}. A file is written
 * under {@code .incoming} while it arrives ({@link #newFile}) and moved to its name in the
 * transaction that stores its event ({@link #keep}); retention deletes the files of the events it
 * prunes. Blocking.
 */
final class Attachments {
  static final String FOLDER = "error-attachments";
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  private final Path dir;
  private final Path incoming;

  Attachments(Path dataDir) {
    this.dir = dataDir.resolve(FOLDER);
    this.incoming = dir.resolve(".incoming");
  }

  /** A new empty file to write an arriving attachment to. */
  Path newFile() throws IOException {
    Files.createDirectories(incoming);
    return Files.createTempFile(incoming, "att-", ".part");
  }

  /** Moves an arrived file to its place and answers the row that keeps it with event {@code e}. */
  ErrorAttachment keep(ErrorEvent e, StructuredEvent.Attachment file) {
    ErrorAttachment a = new ErrorAttachment();
    a.attachmentId = Ids.newId();
    a.eventId = e.id;
    a.appId = e.appId;
    a.filename = file.filename();
    a.contentType = file.contentType();
    a.attachmentType = file.attachmentType();
    a.size = file.size();
    a.createdAt = e.createdAt;
    try {
      Files.move(file.file(), dir.resolve(a.attachmentId), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot keep the attachment " + a.filename, ex);
    }
    return a;
  }

  /** The file of a stored attachment; {@code null} for an id that is not one. */
  Path file(String attachmentId) {
    return attachmentId != null && ID.matcher(attachmentId).matches() ? dir.resolve(attachmentId) : null;
  }

  /** Deletes the files of these attachments (those already gone are skipped). */
  void delete(Collection<String> attachmentIds) {
    for (String id : attachmentIds) {
      Path f = file(id);
      if (f != null) {
        try {
          Files.deleteIfExists(f);
        } catch (IOException ignored) {
          // left for the next sweep: nothing refers to it any more
        }
      }
    }
  }

  /** Deletes files that arrived but were not kept (a refused or duplicate event). */
  static void discard(Collection<StructuredEvent.Attachment> files) {
    for (StructuredEvent.Attachment f : files) {
      try {
        Files.deleteIfExists(f.file());
      } catch (IOException ignored) {
        // .incoming is only scratch space
      }
    }
  }
}
