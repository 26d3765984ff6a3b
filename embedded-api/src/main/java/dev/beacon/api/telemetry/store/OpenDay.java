package dev.beacon.api.telemetry.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * One open day of one app, in memory: the machines active that day (a RoaringBitmap of their
 * ordinals), and for each the version and time of its last heartbeat that day, in arrays indexed
 * by ordinal (grown as ordinals come, in parts of 65,536); also the day's count of new machines
 * and its last heartbeat. What changed since the last snapshot is marked, per part, so a
 * snapshot writes only those parts ({@link #encodePart}). Not thread-safe: the fold owns it and
 * readers hold its lock; its public methods only read.
 */
public final class OpenDay {
  static final int PART_BITS = 16;
  private static final int PART_SIZE = 1 << PART_BITS;
  private static final long DAY_MS = 86_400_000L;
  private static final int FORMAT = 1;

  /** The versions and times of one part's machines, by the low 16 bits of their ordinals. */
  private static final class Part {
    int[] version = new int[16];
    /** Milliseconds since {@link #originMs}. */
    int[] lastMs = new int[16];

    void fit(int low) {
      if (low >= version.length) {
        int n = Math.min(PART_SIZE, Integer.highestOneBit(low) << 1);
        version = java.util.Arrays.copyOf(version, n);
        lastMs = java.util.Arrays.copyOf(lastMs, n);
      }
    }
  }

  private final LocalDate day;
  /**
   * Times are kept as milliseconds from two days before the day (UTC): a heartbeat of the day in
   * any zone falls within a few days of it, far inside an {@code int}.
   */
  private final long originMs;
  private final RoaringBitmap machines = new RoaringBitmap();
  private final List<String> versions = new ArrayList<>();
  private final Map<String, Integer> versionIds = new HashMap<>();
  private Part[] parts = new Part[0];
  private final BitSet dirtyParts = new BitSet();
  private long newMachines;
  private Instant lastAt;
  private boolean dirty;

  OpenDay(LocalDate day, long newMachines, Instant lastAt) {
    this.day = day;
    this.originMs = (day.toEpochDay() - 2) * DAY_MS;
    this.newMachines = newMachines;
    this.lastAt = lastAt;
  }

  /**
   * A heartbeat of the machine on this day: it counts as active, and its version becomes the
   * day's version for it unless a later heartbeat is already noted. {@code isNew}: its first
   * heartbeat ever.
   */
  void beat(int ordinal, String version, Instant at, boolean isNew) {
    int ms = offset(at);
    Part part = part(ordinal >>> PART_BITS);
    int low = ordinal & (PART_SIZE - 1);
    part.fit(low);
    if (machines.checkedAdd(ordinal) || ms >= part.lastMs[low]) {
      part.version[low] = versionId(version);
      part.lastMs[low] = ms;
    }
    if (isNew) {
      newMachines++;
    }
    if (lastAt == null || at.isAfter(lastAt)) {
      lastAt = at;
    }
    dirtyParts.set(ordinal >>> PART_BITS);
    dirty = true;
  }

  public LocalDate day() {
    return day;
  }

  /** A copy of the day's machines. */
  public RoaringBitmap machines() {
    return machines.clone();
  }

  public long newMachines() {
    return newMachines;
  }

  /** The day's last heartbeat, or null. */
  public Instant lastAt() {
    return lastAt;
  }

  /** Whether the machine sent a heartbeat that day. */
  boolean active(int ordinal) {
    return machines.contains(ordinal);
  }

  /** The version of the machine's last heartbeat that day (the machine must be active that day). */
  String version(int ordinal) {
    return versions.get(parts[ordinal >>> PART_BITS].version[ordinal & (PART_SIZE - 1)]);
  }

  /** The time of the machine's last heartbeat that day, to the millisecond (the machine must be active that day). */
  Instant lastAt(int ordinal) {
    return Instant.ofEpochMilli(originMs + parts[ordinal >>> PART_BITS].lastMs[ordinal & (PART_SIZE - 1)]);
  }

  /** Machines per version of their last heartbeat that day. */
  public Map<String, Long> versionCounts() {
    long[] counts = new long[versions.size()];
    machines.forEach((int ordinal) -> counts[parts[ordinal >>> PART_BITS].version[ordinal & (PART_SIZE - 1)]]++);
    Map<String, Long> out = new HashMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        out.put(versions.get(i), counts[i]);
      }
    }
    return out;
  }

  /** The machines per version of their last heartbeat that day (release health: exact unions over days). */
  public Map<String, RoaringBitmap> versionMachines() {
    RoaringBitmap[] byVersion = new RoaringBitmap[versions.size()];
    machines.forEach((int ordinal) -> {
      int v = parts[ordinal >>> PART_BITS].version[ordinal & (PART_SIZE - 1)];
      if (byVersion[v] == null) {
        byVersion[v] = new RoaringBitmap();
      }
      byVersion[v].add(ordinal);
    });
    Map<String, RoaringBitmap> out = new HashMap<>();
    for (int i = 0; i < byVersion.length; i++) {
      if (byVersion[i] != null) {
        out.put(versions.get(i), byVersion[i]);
      }
    }
    return out;
  }

  /** Adds to {@code out} the machines whose last heartbeat that day is at or after {@code since}. */
  public void activeSince(Instant since, RoaringBitmap out) {
    long from = since.toEpochMilli() - originMs;
    if (from > Integer.MAX_VALUE) {
      return;
    }
    int min = (int) Math.max(0, from);
    machines.forEach((int ordinal) -> {
      if (parts[ordinal >>> PART_BITS].lastMs[ordinal & (PART_SIZE - 1)] >= min) {
        out.add(ordinal);
      }
    });
  }

  /** Whether anything changed since the last {@link #saved()}. */
  boolean dirty() {
    return dirty;
  }

  /** The parts changed since the last {@link #saved()}. */
  BitSet dirtyParts() {
    return (BitSet) dirtyParts.clone();
  }

  /** A snapshot holds everything up to now. */
  void saved() {
    dirtyParts.clear();
    dirty = false;
  }

  /**
   * One part of the day as a snapshot stores it: the day's versions, then for each machine of the
   * part (ascending) the gap from the previous one, its version's number and its time.
   */
  byte[] encodePart(int part) {
    long start = (long) part << PART_BITS;
    int count = (int) machines.rangeCardinality(start, start + PART_SIZE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + count * 6);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      writeVar(out, versions.size());
      for (String v : versions) {
        out.writeUTF(v);
      }
      writeVar(out, count);
      Part p = part < parts.length ? parts[part] : null;
      PeekableIntIterator it = machines.getIntIterator();
      it.advanceIfNeeded((int) start);
      int previous = -1;
      for (int i = 0; i < count; i++) {
        int low = it.next() & (PART_SIZE - 1);
        writeVar(out, low - previous - 1);
        writeVar(out, p.version[low]);
        writeVar(out, p.lastMs[low]);
        previous = low;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads back a part written by {@link #encodePart}, into this (fresh) day. */
  void decodePart(int part, byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalStateException("a usage snapshot of an unknown format (" + format + "): written by a newer version?");
      }
      int[] ids = new int[readVar(in)];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = versionId(in.readUTF());
      }
      int count = readVar(in);
      Part p = part(part);
      int low = -1;
      for (int i = 0; i < count; i++) {
        low += readVar(in) + 1;
        p.fit(low);
        p.version[low] = ids[readVar(in)];
        p.lastMs[low] = readVar(in);
        machines.add((part << PART_BITS) | low);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a damaged usage snapshot of " + day + ", part " + part, e);
    }
  }

  private Part part(int index) {
    if (index >= parts.length) {
      parts = java.util.Arrays.copyOf(parts, index + 1);
    }
    if (parts[index] == null) {
      parts[index] = new Part();
    }
    return parts[index];
  }

  private int versionId(String version) {
    Integer id = versionIds.get(version);
    if (id == null) {
      id = versions.size();
      versions.add(version);
      versionIds.put(version, id);
    }
    return id;
  }

  private int offset(Instant at) {
    long ms = at.toEpochMilli() - originMs;
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, ms));
  }

  private static void writeVar(DataOutputStream out, int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      out.writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.writeByte(value);
  }

  private static int readVar(DataInputStream in) throws IOException {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("a malformed number");
  }
}
