package dev.beacon.api.telemetry.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One app's usage in memory: its machines ({@link MachineIndex}: hash to ordinal, new machines
 * numbered in the order they are first heard), their count, and its open days ({@link OpenDay}).
 * Machines are saved ({@link MachineBlocks}) soon after they are first heard, the count
 * ({@link MachineCounts}) with each snapshot: a machine saved with an ordinal at or above the count
 * is one a crash kept out of the snapshot, and when the replay hears it again it counts as new then.
 * Not thread-safe: the fold owns it and readers hold its lock.
 */
public final class AppUsage {
  private final String appId;
  /** Null until the app's machines are read (the first heartbeat applied since start). */
  private MachineIndex index;
  /** The app's machines so far, which is also the next ordinal. */
  private int machines;
  /** The count as the last snapshot saved it. */
  private int savedCount;
  /** One past the highest ordinal saved when the index was read. */
  private int savedNext;
  private final List<NewMachine> unsaved = new ArrayList<>();
  /**
   * Shared log only: one past the last ordinal saved in the database as far as this server knows,
   * or -1 when it must read it first ({@link UsageSnapshots#saveShared}).
   */
  private int savedEnd = -1;
  private final TreeMap<LocalDate, OpenDay> days = new TreeMap<>();

  AppUsage(String appId, int machines) {
    this.appId = appId;
    this.machines = machines;
    this.savedCount = machines;
  }

  public String appId() {
    return appId;
  }

  /** How many machines the app has seen. */
  public int machines() {
    return machines;
  }

  /** The open days, oldest first (read only). */
  public NavigableMap<LocalDate, OpenDay> days() {
    return Collections.unmodifiableNavigableMap(days);
  }

  /** Whether the app's machines are read into memory. */
  boolean indexed() {
    return index != null;
  }

  /** Sets the index of the app's saved machines; {@code savedNext} is one past the highest ordinal among them. */
  void indexed(MachineIndex index, int savedNext) {
    this.index = index;
    this.savedNext = savedNext;
  }

  /** The machine's ordinal, or -1 when unknown or the machines are not read yet. */
  int ordinal(String hash) {
    return index == null ? -1 : index.get(hash);
  }

  /** The open day, or null. */
  OpenDay day(LocalDate day) {
    return days.get(day);
  }

  /** Adds an open day (read from the database or new). */
  void open(OpenDay day) {
    days.put(day.day(), day);
  }

  /**
   * A heartbeat: its machine gets its ordinal (a new one the first time) and is marked active on
   * the day with its version. The machines must be read and the day open.
   */
  void beat(HashedBeat b) {
    OpenDay day = days.get(b.day());
    if (index == null || day == null) {
      throw new IllegalStateException("the machines or the day " + b.day() + " of app " + appId + " are not in memory");
    }
    int ordinal = index.get(b.hash());
    boolean isNew = ordinal < 0 || ordinal >= machines;
    if (ordinal < 0) {
      // past any machine saved ahead that is not heard again (a log restored older than the database)
      ordinal = Math.max(machines, savedNext);
      machines = ordinal + 1;
      index.put(b.hash(), ordinal);
      unsaved.add(new NewMachine(b.hash(), ordinal, b.day()));
    } else if (ordinal >= machines) {
      // saved ahead of a snapshot that a crash then cut short: heard for the first time again in the replay
      machines = ordinal + 1;
    }
    day.beat(ordinal, b.version(), b.at(), isNew);
  }

  /** The machines heard for the first time and not saved yet, oldest first (read only). */
  List<NewMachine> unsaved() {
    return Collections.unmodifiableList(unsaved);
  }

  /** The oldest {@code max} of {@link #unsaved()}. */
  List<NewMachine> unsaved(int max) {
    return unsaved().subList(0, Math.min(max, unsaved.size()));
  }

  /** The oldest {@code n} unsaved machines are saved now. */
  void machinesSaved(int n) {
    unsaved.subList(0, n).clear();
  }

  /** Forgets the unsaved machines below {@code ordinal}: another server saved them. */
  void savedBelow(int ordinal) {
    unsaved.removeIf(m -> m.ordinal() < ordinal);
  }

  /** See {@link #savedEnd}. */
  int savedEnd() {
    return savedEnd;
  }

  void savedEnd(int end) {
    savedEnd = end;
  }

  /**
   * Back to a snapshot another server wrote (shared log): its count of machines; the open days are
   * read back after this. The index stays when it holds every machine of that count (the fold
   * hears again, in the same order, those it numbered past it; they are not new to the index);
   * else it is read again when next needed.
   */
  void rewind(int count) {
    days.clear();
    if (index != null && count > Math.max(machines, savedNext)) {
      index = null;
    } else if (index != null) {
      savedNext = Math.max(savedNext, machines); // no ordinal in the index is given again
    }
    machines = count;
    savedCount = count;
    savedBelow(count);
    savedEnd = -1;
  }

  /** Whether the count of machines changed since the last snapshot. */
  boolean countChanged() {
    return machines != savedCount;
  }

  /** Whether anything changed since the last snapshot. */
  boolean changed() {
    return countChanged() || days.values().stream().anyMatch(OpenDay::dirty);
  }

  /** A snapshot holds everything up to now. */
  void saved() {
    unsaved.clear();
    savedEnd = machines;
    savedCount = machines;
    days.values().forEach(OpenDay::saved);
  }

  /** The day is closed: it leaves memory. */
  void close(LocalDate day) {
    days.remove(day);
  }
}
