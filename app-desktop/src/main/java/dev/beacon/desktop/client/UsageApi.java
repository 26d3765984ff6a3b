package dev.beacon.desktop.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An app's usage statistics ({@code .../app/{appId}/stats/...}), from heartbeats. Blocking. */
public final class UsageApi {
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
