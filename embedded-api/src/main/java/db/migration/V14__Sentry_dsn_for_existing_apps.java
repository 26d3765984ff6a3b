package db.migration;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives every app that exists a DSN (V13 added the columns): project numbers 1, 2, 3 ... in the
 * order the apps were created, and a random 32-hex-digit public key each. A Java migration because
 * the keys must be random and SQL has no portable random function; V15 then makes both required
 * and unique. Only apps without a project number are touched.
 */
public class V14__Sentry_dsn_for_existing_apps extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    List<String> apps = new ArrayList<>();
    int next = 1;
    try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(sentry_project_id), 0) FROM app");
        ResultSet rs = q.executeQuery()) {
      if (rs.next()) {
        next = rs.getInt(1) + 1;
      }
    }
    try (PreparedStatement q = c.prepareStatement(
        "SELECT app_id FROM app WHERE sentry_project_id IS NULL ORDER BY created_at, app_id");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        apps.add(rs.getString(1));
      }
    }
    SecureRandom random = new SecureRandom();
    try (PreparedStatement up = c.prepareStatement("UPDATE app SET sentry_project_id = ?, sentry_key = ? WHERE app_id = ?")) {
      for (String appId : apps) {
        byte[] key = new byte[16];
        random.nextBytes(key);
        up.setInt(1, next++);
        up.setString(2, HexFormat.of().formatHex(key));
        up.setString(3, appId);
        up.addBatch();
      }
      up.executeBatch();
    }
  }
}
