package dev.beacon.desktop.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An app's usage statistics ({@code .../app/{appId}/stats/...}), from heartbeats. Blocking. */
public final class UsageApi {
  /** The most days the server answers for in one call of the per-day routes. */
  public static final int MAX_DAYS = 400;
  private final BeaconClient client;

  public UsageApi(BeaconClient client) {
    this.client = client;
  }

  private String stats(String appId) {
    return client.userPath("app/" + appId + "/stats/");
  }

  /** Active machines per day from {@code from} to the app's today (in the app's time zone), oldest first. */
  public List<ActiveDay> active(String appId, LocalDate from) throws ApiError {
    return call(() -> Json.objects(client.get(stats(appId) + "active", Map.of("from", from.toString())), "series")
        .stream().map(ActiveDay::from).toList());
  }

  /** Machines per version per day from {@code from} to the app's today, oldest first. */
  public List<VersionDay> versions(String appId, LocalDate from) throws ApiError {
    return call(() -> Json.objects(client.get(stats(appId) + "versions", Map.of("from", from.toString())), "series")
        .stream().map(VersionDay::from).toList());
  }

  /** Active machines per day from {@code from} to {@code to} (at most 400 days), oldest first. */
  public List<ActiveDay> active(String appId, LocalDate from, LocalDate to) throws ApiError {
    return call(() -> Json.objects(client.get(stats(appId) + "active", range(from, to)), "series")
        .stream().map(ActiveDay::from).toList());
  }

  /** Machines per version per day from {@code from} to {@code to} (at most 400 days), oldest first. */
  public List<VersionDay> versions(String appId, LocalDate from, LocalDate to) throws ApiError {
    return call(() -> Json.objects(client.get(stats(appId) + "versions", range(from, to)), "series")
        .stream().map(VersionDay::from).toList());
  }

  /** The active series from {@code from} to {@code to} as the server's CSV (a header row, then date,dau,wau,mau,newMachines). */
  public String activeCsv(String appId, LocalDate from, LocalDate to) throws ApiError {
    Map<String, String> q = new java.util.LinkedHashMap<>(range(from, to));
    q.put("format", "csv");
    return call(() -> client.text(stats(appId) + "active", q));
  }

  private static Map<String, String> range(LocalDate from, LocalDate to) {
    return Map.of("from", from.toString(), "to", to.toString());
  }

  public UsageSummary summary(String appId) throws ApiError {
    return call(() -> UsageSummary.from(client.get(stats(appId) + "summary", Map.of())));
  }

  private interface Call<T> {
    T run() throws ApiError;
  }

  /** The call's answer; a server without the stats routes fails with a sentence saying so. */
  private static <T> T call(Call<T> call) throws ApiError {
    try {
      return call.run();
    } catch (ApiError e) {
      if (e.code() == 4004 && e.msg() != null && e.msg().startsWith("no such endpoint")) {
        throw new ApiError(e.code(), "This server does not offer statistics yet (a Beacon older than this console).");
      }
      throw e;
    }
  }
}
