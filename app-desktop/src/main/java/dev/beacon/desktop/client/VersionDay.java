package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One day of {@code .../stats/versions}: the machines seen that day per version ("" for an unknown version), in the order sent. */
public record VersionDay(String date, Map<String, Long> machines) {
  public VersionDay {
    machines = Collections.unmodifiableMap(new LinkedHashMap<>(machines));
  }

  public static VersionDay from(JsonObject j) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (JsonObject v : Json.objects(j, "versions")) {
      m.merge(Json.text(v, "version"), Json.number(v, "machines"), Long::sum);
    }
    return new VersionDay(Json.text(j, "date"), m);
  }
}
