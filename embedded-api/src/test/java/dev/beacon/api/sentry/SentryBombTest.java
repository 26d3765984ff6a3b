package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Decompression bombs: gzip bodies of 2 GiB once inflated (a couple of MiB as sent), built by
 * streaming zeros through {@link GZIPOutputStream} into a file, refused with 413 while the whole
 * test JVM (server and client) has a 128 MiB heap: it runs in the small-heap surefire execution
 * (-Xmx128m, embedded-api/pom.xml), where inflating them into memory could not fit.
 */
class SentryBombTest {
  static final long INFLATED = 2L * 1024 * 1024 * 1024;
  static final int ITEM = 10 * 1024 * 1024;

  static boolean smallHeap() {
    return Runtime.getRuntime().maxMemory() <= 160L * 1024 * 1024;
  }

  @Test
  @EnabledIf(value = "smallHeap", disabledReason = "proves the flat memory only with a small heap: the small-heap surefire execution (-Xmx128m) runs it")
  void twoGibibytesOfInflatedEnvelopeAre413() throws Exception {
    Path bomb = Files.createTempFile("sentry-bomb-", ".gz");
    Path zeros = Files.createTempFile("sentry-zeros-", ".gz");
    try (TestServer server = TestServer.start()) {
      Api dev = server.newDeveloper();
      DsnApp app = SentryFixtures.create(dev);
      // an envelope of 10 MiB attachments, 2 GiB in all: each item is within the limits, the whole is not
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
        out.write("{}\n".getBytes(StandardCharsets.UTF_8));
        byte[] head = ("{\"type\":\"attachment\",\"filename\":\"zeros.bin\",\"length\":" + ITEM + "}\n").getBytes(StandardCharsets.UTF_8);
        for (long written = 0; written < INFLATED; written += ITEM) {
          out.write(head);
          writeZeros(out, ITEM);
          out.write('\n');
        }
      }
      Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), Files.readAllBytes(bomb), app.auth(), "gzip");
      assertEquals(413, r.status(), r::toString);
      assertTrue(r.json().getString("detail").contains("100 MiB"), r::toString);

      // plain zeros to the legacy store route: refused past the 1 MiB of an event
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zeros), 1 << 16)) {
        writeZeros(out, INFLATED);
      }
      Resp store = SentryFixtures.post(server.anonymous(), app.storePath(), Files.readAllBytes(zeros), app.auth(), "gzip");
      assertEquals(413, store.status(), store::toString);
      System.out.printf("SENTRY BOMB: %d + %d bytes sent, 2 GiB each inflated; heap max %d MiB%n",
          Files.size(bomb), Files.size(zeros), Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      Files.deleteIfExists(bomb);
      Files.deleteIfExists(zeros);
    }
  }

  private static void writeZeros(OutputStream out, long n) throws IOException {
    byte[] chunk = new byte[1 << 20];
    for (long left = n; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }
}
