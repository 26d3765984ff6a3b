package dev.beacon.api.content.posters;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;

/**
 * A poster as the seed's list shows it: name, desc (and href) present but possibly empty, the
 * integer {@code posterid}. (The seed's sample writes {@code "sequence "} with a space, a typo:
 * the key is {@code sequence}.)
 */
final class PosterJson {
  private PosterJson() {}

  static JsonObject of(Poster p) {
    return new JsonObject()
        .put("posterid", p.posterId)
        .put("url", p.url)
        .put("name", Text.orEmpty(p.name))
        .put("sequence", p.sequence)
        .put("desc", Text.orEmpty(p.desc))
        .put("href", Text.orEmpty(p.href))
        .put("createDate", Dates.format(p.createdAt))
        .put("updateDate", Dates.format(p.updatedAt));
  }
}
