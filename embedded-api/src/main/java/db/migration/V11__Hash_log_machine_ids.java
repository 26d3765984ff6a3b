package db.migration;

import dev.beacon.api.shared.MachineHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Stores family B's machines hashed, as family A's are: each log's {@code machine_id} (the
 * {@code deviceId} as sent, copied to {@code device_id} by V10) becomes the HMAC of it under its
 * app's secret, which is what the server stores for every new log.
 *
 * <p>A Java migration because the HMAC needs Java; a Flyway one rather than a start-up step
 * because Flyway runs it once, in the transaction that records it, before Hibernate boots and
 * the server takes requests, so no code path has to tell hashed rows from raw ones afterwards.
 * It sits in {@code db.migration}, which the {@code classpath:db/migration} location scans (from
 * the classes folder, the server jar and the desktop's class path alike). Only rows whose
 * {@code machine_id} still equals {@code device_id} are hashed, so a row is never hashed twice,
 * even if the migration were run again; nothing is deleted.
 *
 * <p>{@code error_issue_machine} needs no change: the issue grouper has always counted a log's
 * machine as the same HMAC of its {@code deviceId}, so the rows and {@code machine_count} already
 * agree with the hashed events.
 */
public class V11__Hash_log_machine_ids extends BaseJavaMigration {
  static final int BATCH = 1000;

  private record Row(long id, String appId, String secret, String deviceId) {}

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    Map<String, UnaryOperator<String>> hashers = new HashMap<>();
    long after = Long.MIN_VALUE;
    List<Row> rows;
    do {
      rows = raw(c, after);
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE error_event SET machine_id = ? WHERE id = ? AND machine_id = device_id")) {
        for (Row r : rows) {
          up.setString(1, hashers.computeIfAbsent(r.appId(), k -> MachineHash.hasher(r.secret())).apply(r.deviceId()));
          up.setLong(2, r.id());
          up.addBatch();
        }
        up.executeBatch();
      }
      if (!rows.isEmpty()) {
        after = rows.get(rows.size() - 1).id();
      }
    } while (rows.size() == BATCH);
  }

  /** The next logs after {@code after} (by id) whose machine is still stored raw. */
  private static List<Row> raw(Connection c, long after) throws Exception {
    try (PreparedStatement st = c.prepareStatement(
        "SELECT e.id, e.app_id, a.secret, e.device_id FROM error_event e JOIN app a ON a.app_id = e.app_id"
            + " WHERE e.source = 'log' AND e.machine_id = e.device_id AND e.id > ? ORDER BY e.id")) {
      st.setMaxRows(BATCH);
      st.setLong(1, after);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
      return rows;
    }
  }
}
