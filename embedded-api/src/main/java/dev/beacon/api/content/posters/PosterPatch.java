package dev.beacon.api.content.posters;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Body;

/** The fields an admin sends to add or edit a poster; {@code null} means "not sent". */
record PosterPatch(String url, String name, Integer sequence, String desc, String href) {
  /** POST: url is required; without a sequence the poster goes last. */
  static PosterPatch forCreate(Body b) {
    return new PosterPatch(b.requiredString("url", Poster.URL_MAX).trim(), b.optionalString("name", Poster.NAME_MAX),
        b.optionalInt("sequence"), b.optionalString("desc", Poster.DESC_MAX), Text.trim(b.optionalString("href", Poster.URL_MAX)));
  }

  /** PUT: every field optional (the seed marks url, href and sequence required; what is absent is kept). */
  static PosterPatch forUpdate(Body b) {
    return new PosterPatch(Text.trim(b.optionalNonBlank("url", Poster.URL_MAX)), b.optionalString("name", Poster.NAME_MAX),
        b.optionalInt("sequence"), b.optionalString("desc", Poster.DESC_MAX), Text.trim(b.optionalString("href", Poster.URL_MAX)));
  }
}
