package dev.beacon.api.telemetry.store;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the heartbeat log is, as the fold ({@link UsageFold}) sees it: in files in the data folder
 * for one server ({@link FileHeartbeatLog}, H2), or in the database for several servers on one
 * PostgreSQL ({@link SharedHeartbeatLog}). Entries are numbered in log order; the fold applies them
 * in that order whoever wrote them.
 */
interface HeartbeatLog extends AutoCloseable {
  /** Appends the heartbeats as one entry (blocking); once this returns they are durable. Answers its number. */
  long append(List<HashedBeat> beats) throws IOException, SQLException;

  /**
   * The entries after {@code applied} (at most about {@code max}, oldest first) that the fold has
   * not applied yet; empty when it is caught up.
   *
   * @throws Behind when entries after {@code applied} are gone (a snapshot holds them)
   */
  List<BeatLog.Entry> after(long applied, int max) throws IOException, SQLException;

  /** A snapshot holds the entries up to {@code seq}: removes those it may. */
  void covered(long seq) throws IOException, SQLException;

  /** Further appends go to a new file, where there are files (so that a snapshot can delete old ones whole). */
  void roll() throws IOException;

  @Override
  void close() throws IOException;

  /** The fold is behind what the database holds: it reads the last snapshot back and goes on from there. */
  final class Behind extends RuntimeException {
    Behind(String why) {
      super(why, null, false, false);
    }
  }
}
