package dev.beacon.api.auth;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Db;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins are limited per account and address ({@value #PER_ACCOUNT} per window) and per
 * address ({@value #PER_ADDRESS}), in fixed windows of 15 minutes; past that, sign-in from there
 * answers 429 with Retry-After until the window ends. Success does not reset the address count,
 * so spreading guesses over accounts does not help. On H2 the counts are in memory (a restart
 * forgets them); on PostgreSQL they are in the database ({@code sign_in_failure}), so that the
 * limits hold across every instance serving it. Blocking: call it off the event loop.
 */
final class LoginThrottle {
  static final int PER_ACCOUNT = 10;
  static final int PER_ADDRESS = 100;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Counts counts;

  LoginThrottle(Clock clock, Db db) {
    this.clock = clock;
    this.counts = db.isH2() ? new InMemory() : new InDatabase(db);
  }

  private record Window(long start, int failures) {}

  /** Where the windows are kept. */
  private interface Counts {
    Window get(String key) throws SQLException;

    /** Counts a failure of {@code key} at {@code now}, starting a new window when the last one ended. */
    void count(String key, long now) throws SQLException;
  }

  /** Refuses with 429 when the account at this address, or the address, has failed too often. */
  void check(String account, String address) throws SQLException {
    long now = clock.millis();
    long wait = Math.max(waitFor(accountKey(account, address), PER_ACCOUNT, now), waitFor(address, PER_ADDRESS, now));
    if (wait > 0) {
      throw new ApiException(ApiException.RATE_LIMITED,
          "too many failed sign-ins; try again in " + Math.max(1, wait / 1000) + " s")
          .retryAfterSeconds(Math.max(1, (wait + 999) / 1000));
    }
  }

  /** Counts a failed sign-in. */
  void failed(String account, String address) throws SQLException {
    long now = clock.millis();
    counts.count(accountKey(account, address), now);
    counts.count(address, now);
  }

  private long waitFor(String key, int limit, long now) throws SQLException {
    Window w = counts.get(key);
    if (w == null || now - w.start() >= WINDOW.toMillis() || w.failures() < limit) {
      return 0;
    }
    return w.start() + WINDOW.toMillis() - now;
  }

  private static String accountKey(String account, String address) {
    return account.toLowerCase(Locale.ROOT) + "\n" + address;
  }

  /** One process's counts. */
  private static final class InMemory implements Counts {
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    public Window get(String key) {
      return windows.get(key);
    }

    @Override
    public void count(String key, long now) {
      if (windows.size() > MAX_KEYS) {
        windows.values().removeIf(w -> now - w.start() >= WINDOW.toMillis());
      }
      windows.merge(key, new Window(now, 1),
          (old, one) -> now - old.start() >= WINDOW.toMillis() ? one : new Window(old.start(), old.failures() + 1));
    }
  }

  /** The counts of every instance on a PostgreSQL database: one row per key, updated in one statement. */
  private static final class InDatabase implements Counts {
    private final Db db;

    InDatabase(Db db) {
      this.db = db;
    }

    @Override
    public Window get(String key) throws SQLException {
      return db.inJdbcTx(c -> {
        try (PreparedStatement st = c.prepareStatement("SELECT window_start, failures FROM sign_in_failure WHERE throttle_key = ?")) {
          st.setString(1, key);
          try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? new Window(rs.getLong(1), rs.getInt(2)) : null;
          }
        }
      });
    }

    @Override
    public void count(String key, long now) throws SQLException {
      long ended = now - WINDOW.toMillis();
      db.inJdbcTx(c -> {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO sign_in_failure (throttle_key, window_start, failures)"
            + " VALUES (?, ?, 1) ON CONFLICT (throttle_key) DO UPDATE SET"
            + " failures = CASE WHEN sign_in_failure.window_start <= ? THEN 1 ELSE sign_in_failure.failures + 1 END,"
            + " window_start = CASE WHEN sign_in_failure.window_start <= ? THEN EXCLUDED.window_start"
            + " ELSE sign_in_failure.window_start END")) {
          st.setString(1, key);
          st.setLong(2, now);
          st.setLong(3, ended);
          st.setLong(4, ended);
          st.executeUpdate();
        }
        // the windows that ended are of no more use
        try (PreparedStatement st = c.prepareStatement("DELETE FROM sign_in_failure WHERE window_start <= ?")) {
          st.setLong(1, ended);
          st.executeUpdate();
        }
        return null;
      });
    }
  }
}
