package dev.beacon.api.errors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * The rows of an issue's machines, environments and machines per version and day
 * ({@link IssueMachine.Key}, {@link IssueEnvironment.Key}, {@link VersionMachine.Key}) that this
 * server has seen committed, so that ingest need not look each one up again for every event of a
 * machine it already knows (most events under load). Bounded: a key that fell out is looked up in
 * the database as before. Such rows are only ever added (an issue's go with the issue, whose id is
 * never reused), except machines per version and day, which retention deletes from two days back:
 * those are trusted only for today and yesterday (UTC), which retention never reaches.
 */
final class KnownRows {
  /** About 5 MB at most. */
  static final int MAX = 20_000;

  /** The keys, or null to remember none. */
  private final Cache<Object, Boolean> known;

  private KnownRows(Cache<Object, Boolean> known) {
    this.known = known;
  }

  static KnownRows bounded() {
    return new KnownRows(Caffeine.newBuilder().maximumSize(MAX).build());
  }

  /** A memory of nothing: every row is looked up (the start-up backfill). */
  static KnownRows none() {
    return new KnownRows(null);
  }

  /** What one transaction sees; {@link Seen#committed} once it has committed. */
  Seen begin() {
    return new Seen();
  }

  /** The keys one transaction found or wrote, to remember once it has committed. */
  final class Seen {
    private final List<Object> keys = new ArrayList<>();

    /** Whether the row is known to be stored (committed before this transaction). */
    boolean stored(Object key) {
      if (known == null) {
        return false;
      }
      if (key instanceof VersionMachine.Key k && k.day().isBefore(LocalDate.now(ZoneOffset.UTC).minusDays(1))) {
        return false;
      }
      return known.getIfPresent(key) != null;
    }

    /** Notes a row this transaction found or wrote. */
    void saw(Object key) {
      keys.add(key);
    }

    /** The transaction committed: its rows are stored. */
    void committed() {
      if (known == null) {
        keys.clear();
        return;
      }
      for (Object k : keys) {
        known.put(k, Boolean.TRUE);
      }
      keys.clear();
    }

    /**
     * Makes sure the row of {@code key} is stored: unless it is known to be, looks it up in this
     * transaction and persists {@code make}'s new row when it is missing. Says whether it made one.
     */
    <T> boolean ensure(Session s, Class<T> type, Object key, Supplier<T> make) {
      if (stored(key)) {
        return false;
      }
      saw(key);
      if (s.find(type, key) != null) {
        return false;
      }
      s.persist(make.get());
      return true;
    }

    /** The transaction is tried again from the start: what it saw is not stored. */
    void reset() {
      keys.clear();
    }
  }
}
