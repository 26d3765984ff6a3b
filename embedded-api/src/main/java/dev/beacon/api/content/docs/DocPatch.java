package dev.beacon.api.content.docs;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;

/**
 * The fields an admin sends to create or edit a doc. {@code null} means "not sent"; on edit an
 * empty {@code url} or {@code content} removes it, as long as the doc keeps the other.
 */
record DocPatch(String name, String url, Integer type, String content) {
  /** POST: name and type are required, and a url (as the seed says) unless inline content is given. */
  static DocPatch forCreate(Body b) {
    String name = b.requiredString("name", Doc.NAME_MAX).trim();
    int type = Doc.TYPES.check(b.requiredInt("type"));
    String content = b.optionalString("content", Doc.CONTENT_MAX);
    String url = content == null || content.isBlank()
        ? b.requiredString("url", Doc.URL_MAX).trim()
        : b.optionalString("url", Doc.URL_MAX);
    return new DocPatch(name, checkUrl(url), type, content);
  }

  /** PUT: every field optional. */
  static DocPatch forUpdate(Body b) {
    String name = b.optionalNonBlank("name", Doc.NAME_MAX);
    Integer type = Doc.TYPES.checkOptional(b.optionalInt("type"));
    return new DocPatch(Text.trim(name), checkUrl(b.optionalString("url", Doc.URL_MAX)), type,
        b.optionalString("content", Doc.CONTENT_MAX));
  }

  /** A url naming a file on Beacon must name a valid stored file, so it cannot leave the files folder. */
  private static String checkUrl(String url) {
    if (url == null) {
      return null;
    }
    String u = url.trim();
    if (u.startsWith(LocalFiles.PREFIX) && LocalFiles.validName(u.substring(LocalFiles.PREFIX.length())) == null) {
      throw ApiException.badParameter("url " + LocalFiles.PREFIX + "... must name one file stored on Beacon"
          + " (letters, digits, '.', '_' and '-' only, no folders)");
    }
    return u;
  }
}
