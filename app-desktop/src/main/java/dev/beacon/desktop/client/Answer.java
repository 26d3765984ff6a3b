package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** An answer to a question: markdown {@code content} by {@code openId}, {@code createTime} in epoch seconds. */
public record Answer(long answerId, String openId, String content, long createTime) {
  static Answer of(JsonObject j) {
    return new Answer(Json.number(j, "answerId", 0), Json.text(j, "openId"), Json.text(j, "content"), Json.number(j, "createTime", 0));
  }
}
