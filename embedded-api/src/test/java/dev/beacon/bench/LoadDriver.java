package dev.beacon.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load driver for benchmarks of a Beacon server on this machine: a fixed number
 * of connections each send the next request as soon as the previous answer is read, until a
 * request count or a time limit is reached (both required: a run always ends by itself). Only
 * loopback addresses are accepted.
 *
 * <p>Reuse it for any route: a {@link Target} is a label, a method and path, and a generator of
 * the body of request number {@code i}.
 */
public final class LoadDriver implements AutoCloseable {
  /**
   * What to send. {@code body} gives the body of request {@code i}, or {@code null} for none;
   * {@code headers} go with a body (JSON's Content-Type unless said otherwise).
   */
  public record Target(String label, HttpMethod method, String path, IntFunction<Buffer> body, Map<String, String> headers) {
    public Target(String label, HttpMethod method, String path, IntFunction<Buffer> body) {
      this(label, method, path, body, Map.of("Content-Type", "application/json"));
    }

    public static Target get(String label, String path) {
      return new Target(label, HttpMethod.GET, path, i -> null);
    }

    /** A POST of JSON made by {@code json} for each request number. */
    public static Target postJson(String label, String path, IntFunction<String> json) {
      return new Target(label, HttpMethod.POST, path, i -> Buffer.buffer(json.apply(i)));
    }
  }

  /** How hard and how long: open connections, and the request count and time that end a run. */
  public record Limits(int connections, int maxRequests, Duration maxTime) {
    public Limits {
      if (connections < 1 || maxRequests < 1 || maxTime.isNegative() || maxTime.isZero()) {
        throw new IllegalArgumentException("a run needs connections, a request count and a time limit");
      }
    }
  }

  /** What a run measured; latencies from sending a request to reading its whole answer. */
  public record Result(String label, int requests, long notOk, Map<Integer, Long> statuses, double seconds,
      double perSecond, double p50Millis, double p99Millis, double maxMillis) {}

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String host;
  private final int port;

  /** A driver with its own Vert.x (its event loops are not the server's) aimed at host:port. */
  public LoadDriver(String host, int port, int connections) {
    requireLoopback(host);
    this.host = host;
    this.port = port;
    this.vertx = Vertx.vertx();
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections));
  }

  static void requireLoopback(String host) {
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException("benchmarks only target loopback addresses, not " + host);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
  }

  /** Runs the target until the limits end it and waits for the last answers. */
  public Result run(Target target, Limits limits) throws Exception {
    int[] latencyMicros = new int[limits.maxRequests()];
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger active = new AtomicInteger(limits.connections());
    LongAdder notOk = new LongAdder();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    Promise<Void> done = Promise.promise();
    long start = System.nanoTime();
    long deadline = start + limits.maxTime().toNanos();
    AtomicLong end = new AtomicLong();

    Runnable[] loop = new Runnable[1];
    loop[0] = () -> {
      int i = System.nanoTime() < deadline ? issued.getAndIncrement() : limits.maxRequests();
      if (i >= limits.maxRequests()) {
        if (active.decrementAndGet() == 0) {
          end.set(System.nanoTime());
          done.complete();
        }
        return;
      }
      long sent = System.nanoTime();
      send(target, i).onComplete(ar -> {
        int slot = completed.getAndIncrement();
        latencyMicros[slot] = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - sent) / 1000);
        int status = ar.succeeded() ? ar.result() : -1;
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status < 200 || status > 299) {
          notOk.increment();
        }
        loop[0].run();
      });
    };
    for (int c = 0; c < limits.connections(); c++) {
      vertx.runOnContext(v -> loop[0].run());
    }
    done.future().toCompletionStage().toCompletableFuture().get(limits.maxTime().toSeconds() + 120, TimeUnit.SECONDS);

    int n = completed.get();
    int[] sorted = Arrays.copyOf(latencyMicros, n);
    Arrays.sort(sorted);
    double seconds = (end.get() - start) / 1e9;
    Map<Integer, Long> byStatus = new TreeMap<>();
    statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
    return new Result(target.label(), n, notOk.sum(), byStatus, seconds, n / seconds,
        percentile(sorted, 0.50), percentile(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1000.0);
  }

  private Future<Integer> send(Target target, int i) {
    Buffer body = target.body().apply(i);
    RequestOptions options = new RequestOptions().setMethod(target.method()).setHost(host).setPort(port).setURI(target.path());
    if (body != null) {
      target.headers().forEach(options::putHeader);
    }
    return client.request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()));
  }

  private static double percentile(int[] sortedMicros, double p) {
    if (sortedMicros.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
  }

  @Override
  public void close() throws Exception {
    client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
