package dev.beacon.desktop.overview;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers of the stats API, parsed: {@code .../stats/active} (a day's DAU, WAU, MAU and new
 * machines), {@code .../stats/versions} (a day's machines per version) and {@code .../stats/summary}.
 */
public final class Stats {
  private Stats() {}

  public record Active(String date, long dau, long wau, long mau, long newMachines) {}

  public record VersionDay(String date, Map<String, Long> machines) {}

  public record Summary(long onlineNow, long dau, long wau, long mau, double stickiness, long totalMachines,
      String lastHeartbeat) {
    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, "");
  }

  /** {@code {series:[{date,dau,wau,mau,newMachines}]}}, oldest first as sent. */
  public static List<Active> active(JsonObject j) {
    List<Active> out = new ArrayList<>();
    for (Object o : j.getJsonArray("series", new JsonArray())) {
      JsonObject d = (JsonObject) o;
      out.add(new Active(d.getString("date", ""), num(d, "dau"), num(d, "wau"), num(d, "mau"), num(d, "newMachines")));
    }
    return out;
  }

  /** {@code {series:[{date,versions:[{version,machines}]}]}}. */
  public static List<VersionDay> versions(JsonObject j) {
    List<VersionDay> out = new ArrayList<>();
    for (Object o : j.getJsonArray("series", new JsonArray())) {
      JsonObject d = (JsonObject) o;
      Map<String, Long> m = new LinkedHashMap<>();
      for (Object v : d.getJsonArray("versions", new JsonArray())) {
        JsonObject vj = (JsonObject) v;
        m.merge(String.valueOf(vj.getValue("version", "")), num(vj, "machines"), Long::sum);
      }
      out.add(new VersionDay(d.getString("date", ""), m));
    }
    return out;
  }

  /** Every version seen in the days, in order of first appearance. */
  public static Set<String> versionNames(List<VersionDay> days) {
    Set<String> s = new LinkedHashSet<>();
    days.forEach(d -> s.addAll(d.machines().keySet()));
    return s;
  }

  /** {@code {onlineNow,dau,wau,mau,stickiness,totalMachines,lastHeartbeat}}. */
  public static Summary summary(JsonObject j) {
    Object st = j.getValue("stickiness");
    return new Summary(num(j, "onlineNow"), num(j, "dau"), num(j, "wau"), num(j, "mau"),
        st instanceof Number n ? n.doubleValue() : 0, num(j, "totalMachines"),
        j.getValue("lastHeartbeat") == null ? "" : String.valueOf(j.getValue("lastHeartbeat")));
  }

  /** Stickiness (DAU/MAU) as a percentage, whether the server sends a fraction or a percentage. */
  public static String percent(double stickiness) {
    double p = stickiness <= 1.0 ? stickiness * 100 : stickiness;
    return String.format(java.util.Locale.ROOT, "%.0f%%", p);
  }

  /** New machines over the days. */
  public static long newMachines(List<Active> days) {
    return days.stream().mapToLong(Active::newMachines).sum();
  }

  private static long num(JsonObject j, String field) {
    Object v = j.getValue(field);
    return v instanceof Number n ? n.longValue() : 0;
  }
}
