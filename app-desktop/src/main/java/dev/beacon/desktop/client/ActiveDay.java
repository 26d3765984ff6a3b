package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** One day of {@code .../stats/active}: the machines active that day, in the week and month up to it, and new that day. */
public record ActiveDay(String date, long dau, long wau, long mau, long newMachines) {
  public static ActiveDay from(JsonObject j) {
    return new ActiveDay(Json.text(j, "date"), Json.number(j, "dau"), Json.number(j, "wau"), Json.number(j, "mau"),
        Json.number(j, "newMachines"));
  }
}
