package dev.beacon.api.telemetry.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The heartbeat log: files in {@code DATA/usage-log}, to which each group commit appends one
 * entry holding every heartbeat it acknowledges ({@link #append}: one write to the operating
 * system, the same promise as the database's own commit, which writes its file without forcing
 * it to the disk either: an acknowledged heartbeat survives the process being killed). The fold
 * ({@link UsageFold}) applies the entries to the open days in memory; a snapshot of those in the
 * database covers the log up to a sequence number, and the files it covers are deleted
 * ({@link #removeUpTo}). At start, {@link #open} reads back what no snapshot covers; a torn
 * entry at the end (the process killed in the middle of a write, before the answer) is cut off.
 *
 * <p>An entry: its length and CRC-32C, then its sequence number, a format byte, the count, and per
 * heartbeat the app, machine hash, version, day and time. A file is named after the sequence
 * number of its first entry; {@link #roll} starts a new one.
 */
final class BeatLog implements AutoCloseable {
  /** One logged commit: its place in the log and its heartbeats, in the order they were acknowledged. */
  record Entry(long seq, List<HashedBeat> beats) {}

  private static final int FORMAT = 1;
  private static final String SUFFIX = ".log";
  /**
   * Larger than any entry can be ({@value UsageFold#MAX_BEATS} heartbeats of at most ~600 bytes): a
   * longer length is a torn write.
   */
  private static final int MAX_ENTRY = 16 * 1024 * 1024;

  private final Path dir;
  private FileChannel current;
  private long currentFirst;
  private long lastSeq;

  private BeatLog(Path dir, long lastSeq) {
    this.dir = dir;
    this.lastSeq = lastSeq;
  }

  /**
   * Opens the log in {@code dir} and reads back the entries after {@code after} (what the last
   * snapshot does not hold), oldest first; appends go to a new file.
   */
  static Recovered open(Path dir, long after) throws IOException {
    Files.createDirectories(dir);
    List<Entry> entries = new ArrayList<>();
    long last = after;
    List<Path> files = files(dir);
    for (int i = 0; i < files.size(); i++) {
      last = Math.max(last, read(files.get(i), after, entries, Tail.CUT));
    }
    BeatLog log = new BeatLog(dir, last);
    log.roll();
    return new Recovered(log, entries);
  }

  /** The entries in the log files in {@code dir}, read only (a torn end is left as it is). */
  static List<Entry> readAll(Path dir) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      for (Path file : files(dir)) {
        try {
          read(file, 0, entries, Tail.KEEP);
        } catch (java.nio.file.NoSuchFileException gone) {
          // deleted meanwhile: a snapshot holds it
        }
      }
    }
    return entries;
  }

  /** An opened log and what it still held. */
  record Recovered(BeatLog log, List<Entry> entries) {}

  /** Appends the beats as one entry; answers its sequence number. Blocking. */
  synchronized long append(List<HashedBeat> beats) throws IOException {
    long seq = lastSeq + 1;
    byte[] body = encode(seq, beats);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(body);
    ByteBuffer buf = ByteBuffer.allocate(8 + body.length);
    buf.putInt(body.length).putInt((int) crc.getValue()).put(body).flip();
    long end = current.size();
    try {
      while (buf.hasRemaining()) {
        current.write(buf);
      }
    } catch (IOException e) {
      // no half entry may stay in front of the next ones: cut it off, or go on in a new file
      try {
        current.truncate(end);
      } catch (IOException again) {
        e.addSuppressed(again);
        current.close();
        current = null;
        roll();
      }
      throw e;
    }
    lastSeq = seq;
    return seq;
  }

  /** The sequence number of the newest entry (0 before the first). */
  synchronized long lastSeq() {
    return lastSeq;
  }

  /** Further appends go to a new file (so that a later snapshot can delete the older ones whole). */
  synchronized void roll() throws IOException {
    if (current != null && current.size() == 0) {
      return;
    }
    if (current != null) {
      current.close();
    }
    currentFirst = lastSeq + 1;
    current = FileChannel.open(dir.resolve(String.format("%020d", currentFirst) + SUFFIX),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Deletes the files whose entries are all at or before {@code seq} (a snapshot holds them). */
  synchronized void removeUpTo(long seq) throws IOException {
    List<Path> files = files(dir);
    for (int i = 0; i + 1 < files.size(); i++) {
      long nextFirst = first(files.get(i + 1));
      if (nextFirst - 1 <= seq && first(files.get(i)) < currentFirst) {
        Files.deleteIfExists(files.get(i));
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (current != null) {
      current.close();
    }
  }

  /** The log's files (named by the number of their first entry; any other file is not the log's), in order. */
  private static List<Path> files(Path dir) throws IOException {
    try (var list = Files.list(dir)) {
      // twenty digits, as String.format("%020d") writes a (positive) long
      return list.filter(p -> p.getFileName().toString().matches("0\\d{19}\\" + SUFFIX))
          .sorted(Comparator.comparingLong(BeatLog::first)).toList();
    }
  }

  private static long first(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }

  /** What to do with a torn entry at the end of a file. */
  private enum Tail { CUT, KEEP }

  /**
   * Adds the file's entries after {@code after} to {@code out}; answers the last sequence number
   * in it. A torn entry ends the file (a write cut short: the process killed during it, or a full
   * disk; its heartbeats were not acknowledged): cut off when {@code torn} is {@link Tail#CUT}.
   */
  private static long read(Path file, long after, List<Entry> out, Tail torn) throws IOException {
    long lastSeq = 0;
    long good = 0;
    try (FileChannel ch = torn == Tail.CUT ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
        : FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate(8);
      while (good + 8 <= size) {
        head.clear();
        ch.read(head, good);
        head.flip();
        int length = head.getInt();
        int checksum = head.getInt();
        if (length <= 0 || length > MAX_ENTRY || good + 8 + length > size) {
          break;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        while (body.hasRemaining() && ch.read(body, good + 8 + body.position()) > 0) {
          // read on
        }
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body.array());
        if ((int) crc.getValue() != checksum) {
          break;
        }
        Entry e = decode(body.array());
        lastSeq = e.seq();
        if (e.seq() > after) {
          out.add(e);
        }
        good += 8 + length;
      }
      if (good < size && torn == Tail.CUT) {
        ch.truncate(good);
      }
    }
    return lastSeq;
  }

  static byte[] encode(long seq, List<HashedBeat> beats) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + beats.size() * 112);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(seq);
      out.writeByte(FORMAT);
      out.writeInt(beats.size());
      for (HashedBeat b : beats) {
        out.writeUTF(b.appId());
        out.writeUTF(b.hash());
        out.writeUTF(b.version());
        out.writeInt((int) b.day().toEpochDay());
        out.writeLong(b.at().getEpochSecond());
        out.writeInt(b.at().getNano());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Entry decode(byte[] row) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(row))) {
      long seq = in.readLong();
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalStateException("a heartbeat log entry of an unknown format (" + format + "): written by a newer version?");
      }
      int n = in.readInt();
      List<HashedBeat> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String app = in.readUTF();
        String hash = in.readUTF();
        String version = in.readUTF();
        LocalDate day = LocalDate.ofEpochDay(in.readInt());
        long seconds = in.readLong();
        out.add(new HashedBeat(app, hash, version, day, Instant.ofEpochSecond(seconds, in.readInt())));
      }
      return new Entry(seq, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
