package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Group commit on the real server's database worker: a lone item is stored alone, items that come
 * while a batch is stored go together into the next one, and with a linger the items that keep
 * coming while the next batch waits join it, until as many wait as the last batch held.
 */
class GroupCommitTest {
  @Test
  void itemsArrivingTogetherShareABatchAndALingerGathersThoseThatKeepComing() throws Exception {
    try (TestServer server = TestServer.start()) {
      Vertx vertx = server.server().vertx();
      List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch release = new CountDownLatch(1);
      GroupCommit<String, String> commits = new GroupCommit<>(server.server().db(), 16, Integer.MAX_VALUE, 300, "words",
          batch -> {
            if (batch.contains("held")) {
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            batches.add(List.copyOf(batch));
            return batch.stream().map(w -> GroupCommit.Outcome.ok(w.toUpperCase())).toList();
          });

      assertEquals(List.of("ALONE"), onLoop(vertx, () -> List.of(commits.add("alone"))));
      assertEquals(List.of(List.of("alone")), batches, "a lone item is stored at once, alone");

      // a batch held in its transaction; five items come meanwhile and go together into the next
      CompletableFuture<List<String>> held = onLoopLater(vertx, () -> List.of(commits.add("held")));
      while (commits.waiting() == 0) {
        Thread.sleep(5);
      }
      CompletableFuture<List<String>> five = onLoopLater(vertx,
          () -> List.of(commits.add("a"), commits.add("b"), commits.add("c"), commits.add("d"), commits.add("e")));
      while (commits.waiting() < 6) {
        Thread.sleep(5);
      }
      release.countDown();
      assertEquals(List.of("HELD"), held.get(10, TimeUnit.SECONDS));
      assertEquals(List.of("A", "B", "C", "D", "E"), five.get(10, TimeUnit.SECONDS));
      assertEquals(List.of(List.of("held"), List.of("a", "b", "c", "d", "e")), batches.subList(1, 3),
          "the last batch was a lone one: no wait, the five at once");

      // the last batch held five: the next waits its linger, and what comes meanwhile joins it
      CompletableFuture<List<String>> first = onLoopLater(vertx, () -> List.of(commits.add("x")));
      Thread.sleep(50);
      CompletableFuture<List<String>> later = onLoopLater(vertx, () -> List.of(commits.add("y"), commits.add("z")));
      assertEquals(List.of("X"), first.get(10, TimeUnit.SECONDS));
      assertEquals(List.of("Y", "Z"), later.get(10, TimeUnit.SECONDS));
      assertEquals(List.of("x", "y", "z"), batches.get(3), "all of " + batches);
      assertTrue(batches.size() == 4, "no other batch: " + batches);

      // the last batch held three: once three wait, the batch goes without the rest of its linger
      // (300 ms), so what comes 100 ms later goes into the next
      CompletableFuture<List<String>> three = onLoopLater(vertx, () -> List.of(commits.add("p"), commits.add("q"), commits.add("r")));
      Thread.sleep(100);
      assertEquals(List.of("S"), onLoop(vertx, () -> List.of(commits.add("s"))));
      assertEquals(List.of("P", "Q", "R"), three.get(10, TimeUnit.SECONDS));
      assertEquals(List.of(List.of("p", "q", "r"), List.of("s")), batches.subList(4, batches.size()));
    }
  }

  /** Adds on an event loop (as requests do) and waits for the answers. */
  private static List<String> onLoop(Vertx vertx, java.util.function.Supplier<List<Future<String>>> adds) throws Exception {
    return onLoopLater(vertx, adds).get(10, TimeUnit.SECONDS);
  }

  private static CompletableFuture<List<String>> onLoopLater(Vertx vertx, java.util.function.Supplier<List<Future<String>>> adds) {
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    vertx.runOnContext(v -> Future.all(adds.get()).onComplete(ar -> {
      if (ar.succeeded()) {
        done.complete(ar.result().<String>list());
      } else {
        done.completeExceptionally(ar.cause());
      }
    }));
    return done;
  }
}
