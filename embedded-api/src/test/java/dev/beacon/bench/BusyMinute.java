package dev.beacon.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A busy spell against a running server, for {@link StartupBench}'s memory figures: signs in,
 * creates an app, then for the given time sends heartbeats of 5,000 machines and error reports of
 * 20 bugs from as many threads as there are cores, while another asks for 90 days of usage and the
 * issue list every two seconds. Answers the number of requests that succeeded.
 */
final class BusyMinute {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BusyMinute() {}

  static long run(String base, String account, String password, Duration time) throws Exception {
    JsonObject login = send(post(base + "/v1/auth/login", new JsonObject().put("account", account).put("password", password)));
    String openId = login.getString("openId");
    String token = login.getString("token");
    JsonObject app = send(post(base + "/v1/user/" + openId + "/app", new JsonObject().put("name", "busy").put("platform", 3))
        .header("X-Openid", openId).header("X-Auth-Token", token)).getJsonObject("app");
    String appId = app.getString("appId");
    String key = app.getString("appKey");
    long end = System.nanoTime() + time.toNanos();
    AtomicLong done = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    int senders = Math.max(2, Runtime.getRuntime().availableProcessors());
    for (int t = 0; t < senders; t++) {
      int offset = t;
      threads.add(new Thread(() -> {
        for (long i = offset; System.nanoTime() < end; i += senders) {
          JsonObject body = i % 4 == 0
              ? new JsonObject().put("app_key", key).put("machine_id", "m" + (i % 5000)).put("software_version", "1." + (i % 5))
                  .put("error_type", "IllegalStateException").put("error_message", "bug " + (i % 20) + " case " + i)
                  .put("error_stack", "java.lang.IllegalStateException: bug " + (i % 20) + "\n\tat com.acme.App.run" + (i % 20)
                      + "(App.java:" + (10 + i % 7) + ")\n\tat com.acme.Main.main(Main.java:3)")
                  .put("os_info", "Windows 11")
              : new JsonObject().put("app_key", key).put("machine_id", "m" + (i % 5000)).put("version", "1." + (i % 5));
          String path = i % 4 == 0 ? "/api/v1/error/report" : "/api/v1/user/heartbeat";
          if (trySend(post(base + path, body))) {
            done.incrementAndGet();
          }
        }
      }));
    }
    threads.add(new Thread(() -> {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      String stats = base + "/v1/user/" + openId + "/app/" + appId + "/stats/active?from=" + today.minusDays(89) + "&to=" + today;
      String issues = base + "/v1/user/" + openId + "/app/" + appId + "/issues?orderBy=count:desc";
      while (System.nanoTime() < end) {
        for (String url : List.of(stats, issues)) {
          if (trySend(HttpRequest.newBuilder(URI.create(url)).header("X-Openid", openId).header("X-Auth-Token", token).GET())) {
            done.incrementAndGet();
          }
        }
        sleep(2000);
      }
    }));
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    return done.get();
  }

  private static HttpRequest.Builder post(String url, JsonObject body) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
  }

  private static boolean trySend(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static JsonObject send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
