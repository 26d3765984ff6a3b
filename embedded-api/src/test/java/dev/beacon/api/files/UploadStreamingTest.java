package dev.beacon.api.files;

import static dev.beacon.api.files.FileFixtures.MULTIPART;
import static dev.beacon.api.files.FileFixtures.incomingFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A 200 MiB upload streamed through the real server while the whole test JVM (server and
 * client) has a 128 MiB heap: it runs in its own surefire execution with {@code -Xmx128m}
 * (embedded-api/pom.xml) and is skipped anywhere else. The content is generated on the fly and
 * never held in memory on either side. Prints the throughput and the heap it took.
 */
class UploadStreamingTest {
  static final long SIZE = 200L * 1024 * 1024;
  static final long MIB = 1024 * 1024;

  /** Whether this JVM has the small heap the test is about (its own surefire execution runs it with -Xmx128m). */
  static boolean smallHeap() {
    return Runtime.getRuntime().maxMemory() <= 160 * MIB;
  }

  @Test
  @EnabledIf(value = "smallHeap", disabledReason = "proves streaming only with a small heap: the small-heap surefire execution (-Xmx128m) runs it")
  void a200MebibyteUploadIsStreamedToDiskWithASmallHeap() throws Exception {
    try (TestServer server = TestServer.start()) {
      Api dev = server.newDeveloper();
      GeneratedContent content = new GeneratedContent(SIZE, 0x5eed);
      byte[] head = FileFixtures.head("uploadfile", "big-build.zip");
      byte[] tail = FileFixtures.tail();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request = dev.request("/v1/user/uploadfile").timeout(Duration.ofMinutes(10)).header("Content-Type", MULTIPART)
          .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
              new SequenceInputStream(new ByteArrayInputStream(head), content), new ByteArrayInputStream(tail))),
              head.length + SIZE + tail.length))
          .build();

      HeapSampler heap = new HeapSampler();
      heap.start();
      long t0 = System.nanoTime();
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      double seconds = (System.nanoTime() - t0) / 1e9;
      heap.stopAndJoin();

      assertEquals(200, r.statusCode(), r::body);
      JsonObject j = new JsonObject(r.body());
      assertEquals(SIZE, j.getLong("size"));
      assertEquals(content.md5(), j.getString("md5"), "the server's md5 is the one computed while generating");
      assertEquals(SIZE, Files.size(server.dataDir().resolve("files").resolve(j.getString("filename"))));
      assertEquals(List.of(), incomingFiles(server.dataDir()));

      System.out.printf("UPLOAD 200 MiB in %.2f s = %.1f MiB/s; heap: max %d MiB, peak used %d MiB, peak live after GC %d MiB%n",
          seconds, SIZE / (double) MIB / seconds, Runtime.getRuntime().maxMemory() / MIB, heap.peakUsed / MIB, heap.peakLive / MIB);
      assertTrue(heap.peakLive < 64 * MIB, "the upload must not be kept in memory: " + heap.peakLive / MIB + " MiB live after GC");
    }
  }

  /** Deterministic bytes that do not compress, produced as they are read, with their MD5. */
  static final class GeneratedContent extends InputStream {
    private final MessageDigest md5;
    private long remaining;
    private long state;

    GeneratedContent(long size, long seed) throws Exception {
      this.remaining = size;
      this.state = seed;
      this.md5 = MessageDigest.getInstance("MD5");
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(len, remaining);
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        b[off + i] = (byte) state;
      }
      md5.update(b, off, n);
      remaining -= n;
      return n;
    }

    /** The MD5 of everything read; call it once all is read. */
    String md5() {
      if (remaining != 0) {
        throw new IllegalStateException(remaining + " bytes were not read");
      }
      return HexFormat.of().formatHex(md5.digest());
    }
  }

  /** Samples the heap every 10 ms: the highest use, and the highest use left after a collection. */
  static final class HeapSampler extends Thread {
    private volatile boolean running = true;
    long peakUsed;
    long peakLive;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      while (running) {
        peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long live = 0;
        for (MemoryPoolMXBean p : pools) {
          MemoryUsage after = p.getCollectionUsage();
          live += after == null ? 0 : after.getUsed();
        }
        peakLive = Math.max(peakLive, live);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopAndJoin() throws InterruptedException {
      running = false;
      join();
    }
  }
}
