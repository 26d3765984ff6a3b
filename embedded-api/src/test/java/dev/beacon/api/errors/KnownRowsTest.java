package dev.beacon.api.errors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * What ingest may skip looking up: only rows of committed transactions, never the machines per
 * version of a day that retention may already have deleted.
 */
class KnownRowsTest {
  private final KnownRows rows = KnownRows.bounded();
  private final IssueMachine.Key machine = new IssueMachine.Key("issue-1", "a".repeat(64));

  @Test
  void aRowIsKnownOnceItsTransactionCommitted() {
    KnownRows.Seen tx = rows.begin();
    tx.saw(machine);
    assertFalse(rows.begin().stored(machine), "not before the commit");
    tx.committed();
    assertTrue(rows.begin().stored(machine));
    assertFalse(rows.begin().stored(new IssueMachine.Key("issue-2", "a".repeat(64))), "another issue's machine");
  }

  @Test
  void aTransactionTriedAgainForgetsWhatItSawBefore() {
    KnownRows.Seen tx = rows.begin();
    tx.saw(machine);
    tx.reset();
    tx.committed();
    assertFalse(rows.begin().stored(machine));
  }

  @Test
  void machinesPerVersionAreTrustedForTodayAndYesterdayOnly() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    VersionMachine.Key recent = new VersionMachine.Key("issue-1", "1.0", today.minusDays(1), "b".repeat(64));
    VersionMachine.Key old = new VersionMachine.Key("issue-1", "1.0", today.minusDays(2), "b".repeat(64));
    KnownRows.Seen tx = rows.begin();
    tx.saw(recent);
    tx.saw(old);
    tx.committed();
    assertTrue(rows.begin().stored(recent));
    assertFalse(rows.begin().stored(old), "retention may have deleted the rows of two days back: look them up");
  }

  @Test
  void noneRemembersNothing() {
    KnownRows nothing = KnownRows.none();
    KnownRows.Seen tx = nothing.begin();
    tx.saw(machine);
    tx.committed();
    assertFalse(nothing.begin().stored(machine));
  }
}
