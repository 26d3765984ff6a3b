package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, error events take their ids from a cache of 1,000 values instead of H2's default 32.
 * H2 writes an identity column's sequence to its metadata each time its cache runs out, and with
 * {@code WRITE_DELAY=0} that write costs about as much as the inserts it serves: with 32 values it
 * took a seventh of the database thread's time when Sentry envelopes stream in. Ids stay unique
 * and increasing; a crash only skips the rest of the cache (a gap, which nothing reads meaning
 * into). PostgreSQL writes its sequences differently (a WAL record every 32 values, no metadata
 * rewrite), and there a per-connection cache would give ids out of order, so nothing changes
 * there. A Java migration because the statement is H2's own.
 */
public class V28__Event_ids_cached_on_h2 extends BaseJavaMigration {
  static final int CACHE = 1000;

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE error_event ALTER COLUMN id SET CACHE " + CACHE);
    }
  }
}
