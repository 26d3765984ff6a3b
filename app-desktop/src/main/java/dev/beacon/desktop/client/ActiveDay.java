package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** One day of {@code .../stats/active}: the machines active that day, in the week and month up to it, and new that day. */
public record ActiveDay(String date, long dau, long wau, long mau, long newMachines) {
  public static ActiveDay from(JsonObject j) {
    return new ActiveDay(Fields.text(j, "date"), Fields.number(j, "dau"), Fields.number(j, "wau"), Fields.number(j, "mau"),
        Fields.number(j, "newMachines"));
  }
}
