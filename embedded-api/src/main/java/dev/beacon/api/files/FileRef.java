package dev.beacon.api.files;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import io.vertx.ext.web.RoutingContext;
import org.hibernate.Session;

/**
 * A version's package named as an uploaded file: {@code fileId}, {@code filename}, or a
 * {@code url} of Beacon's own download route. The server then sets the version's url and md5.
 *
 * @param field the request field that named the file, for messages
 * @param value the file id (for {@code fileId}) or the stored name
 */
public record FileRef(String field, String value) {
  public static final String FILE_ID = "fileId";
  public static final String FILENAME = "filename";

  /** The reference a create or edit body carries, or {@code null} when it names no uploaded file. */
  public static FileRef of(RoutingContext ctx, Body b) {
    String id = b.optionalNonBlank(FILE_ID, 64);
    String name = b.optionalNonBlank(FILENAME, 255);
    String url = b.optionalString("url", Body.TEXT);
    boolean hasUrl = url != null && !url.isBlank();
    if (id != null && name != null) {
      throw ApiException.badParameter("send fileId or filename, not both");
    }
    if ((id != null || name != null) && hasUrl) {
      throw ApiException.badParameter("send url or " + (id != null ? FILE_ID : FILENAME)
          + ", not both: the server sets url and md5 from the uploaded file");
    }
    if (id != null) {
      return new FileRef(FILE_ID, id.trim());
    }
    if (name != null) {
      return new FileRef(FILENAME, name.trim());
    }
    String inUrl = hasUrl ? Downloads.fileNameIn(ctx, url) : null;
    return inUrl == null ? null : new FileRef("url", inUrl);
  }

  /** The uploaded file a stored version url ({@code /files/{name}}) points at, or {@code null}. */
  public static StoredFile hosted(Session s, String url) {
    if (url == null || !url.startsWith(Downloads.PREFIX)) {
      return null;
    }
    String name = url.substring(Downloads.PREFIX.length());
    return FileNames.isStored(name) ? FilesService.byName(s, name) : null;
  }

  /** The developer's uploaded file this names, or 4004. */
  public StoredFile resolve(Session s, String openId) {
    StoredFile f = field.equals(FILE_ID)
        ? s.find(StoredFile.class, value)
        : FileNames.isStored(value) ? FilesService.byName(s, value) : null;
    if (f == null || !f.openId.equals(openId)) {
      throw ApiException.notFound(field + ": no uploaded file " + value + " of this developer (upload it with POST /v1/user/uploadfile)");
    }
    return f;
  }
}
