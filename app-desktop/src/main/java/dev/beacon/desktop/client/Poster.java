package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** A poster: an image ({@code url}, may be relative to the server) shown at {@code sequence}, linking to {@code href}. */
public record Poster(String posterId, String url, String name, long sequence, String href, String desc) {
  static Poster of(JsonObject j) {
    return new Poster(Json.text(j, "posterid"), Json.text(j, "url"), Json.text(j, "name"), Json.number(j, "sequence", 0),
        Json.text(j, "href"), Json.text(j, "desc"));
  }
}
