package dev.beacon.api.telemetry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heartbeat log's files: entries read back in order after a given place, files deleted once a snapshot holds them. */
class BeatLogTest {
  @TempDir
  Path dir;

  @Test
  void readsBackWhatFollowsASnapshotAndDeletesOnlyWholeFilesBeforeIt() throws Exception {
    try (BeatLog log = BeatLog.open(dir, 0).log()) {
      assertEquals(1, log.append(List.of(beat("m1"), beat("m2"))));
      assertEquals(2, log.append(List.of(beat("m3"))));
      log.roll();
      assertEquals(3, log.append(List.of(beat("m4"))));
      log.roll();
      assertEquals(4, log.append(List.of(beat("m5"))));
      assertEquals(3, files().size());

      log.removeUpTo(3);
      assertEquals(1, files().size(), "the files of entries 1-2 and 3 go; the one being written stays");
      log.removeUpTo(10);
      assertEquals(1, files().size(), "the file being written is never deleted");
    }
    BeatLog.Recovered again = BeatLog.open(dir, 3);
    try (BeatLog log = again.log()) {
      assertEquals(1, again.entries().size());
      assertEquals(4, again.entries().get(0).seq());
      assertEquals("m5", again.entries().get(0).beats().get(0).hash());
      assertEquals(5, log.append(List.of(beat("m6"))), "numbering goes on after the last entry");
    }
    BeatLog.Recovered third = BeatLog.open(dir, 0);
    third.log().close();
    assertEquals(List.of(4L, 5L), third.entries().stream().map(BeatLog.Entry::seq).toList());
    assertEquals(List.of("m5", "m6"), BeatLog.readAll(dir).stream().flatMap(e -> e.beats().stream()).map(HashedBeat::hash).toList());
  }

  @Test
  void otherFilesInTheFolderAreLeftAlone() throws Exception {
    Files.writeString(dir.resolve("notes.log"), "not an entry");
    Files.writeString(dir.resolve("99999999999999999999.log"), "not an entry either");
    try (BeatLog log = BeatLog.open(dir, 0).log()) {
      assertEquals(1, log.append(List.of(beat("m1"))));
    }
    BeatLog.Recovered again = BeatLog.open(dir, 0);
    again.log().close();
    assertEquals(List.of(1L), again.entries().stream().map(BeatLog.Entry::seq).toList());
    assertEquals("not an entry", Files.readString(dir.resolve("notes.log")));
  }

  @Test
  void anEmptyFolderAfterASnapshotNumbersOnFromTheSnapshot() throws Exception {
    try (BeatLog log = BeatLog.open(dir, 41).log()) {
      assertEquals(42, log.append(List.of(beat("m1"))));
    }
    BeatLog.Recovered again = BeatLog.open(dir, 42);
    again.log().close();
    assertTrue(again.entries().isEmpty());
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".log")).toList();
    }
  }

  private static HashedBeat beat(String hash) {
    return new HashedBeat("app", hash, "1.0", LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T10:00:00.123456789Z"));
  }
}
