package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** A doc: its title ({@code name}), {@code type} 1..7, and markdown {@code content} (only when read one by one). */
public record Doc(String docId, String name, int type, String content) {
  static Doc of(JsonObject j) {
    return new Doc(Json.text(j, "docId"), Json.text(j, "name"), (int) Json.number(j, "type", 1), Json.text(j, "content"));
  }
}
