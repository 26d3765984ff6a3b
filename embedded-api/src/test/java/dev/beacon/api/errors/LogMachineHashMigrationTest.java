package dev.beacon.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import db.migration.V11__Hash_log_machine_ids;
import dev.beacon.api.auth.Passwords;
import dev.beacon.api.core.Config;
import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestDatabase;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upgrade: a database at V9, where family B logs kept the raw {@code deviceId} in
 * {@code machine_id} (their issue already counted the machine by its hash), then the server of
 * today started on it. Every log's machine is stored hashed under its own app's secret, the
 * {@code deviceId} is still shown as sent, the issue's machine count stays right, and a family A
 * report from the same machine counts as the same machine.
 */
class LogMachineHashMigrationTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String OTHER_SECRET = "fedcba9876543210fedcba9876543210";
  static final String ISSUE = "1550000000000000000000000000000a";

  Path dir;
  TestDatabase database;

  @BeforeEach
  void makeDir() throws Exception {
    dir = Files.createTempDirectory("beacon-upgrade-");
    database = TestDatabase.create();
  }

  @AfterEach
  void removeDir() throws Exception {
    database.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void logsStoredWithTheRawDeviceIdAreHashedAtTheUpgrade() throws Exception {
    // the database the server will open, seeded first at schema V9 (H2 in the data folder, or a fresh PostgreSQL one)
    Config db = Config.defaults().dataDir(dir);
    database.apply(db);
    String url = db.effectiveDbUrl();
    Files.createDirectories(dir.resolve("db"));
    Flyway.configure().dataSource(url, db.dbUser(), db.dbPassword()).locations("classpath:db/migration")
        .placeholders(Map.of("binary", db.isH2() ? "VARBINARY(1000000000)" : "BYTEA")).target("9").load().migrate();
    OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    ErrorEvent crash = new ErrorEvent();
    crash.source = ErrorEvent.LOG;
    crash.message = "Crash: boom";
    Fingerprint fp = Fingerprint.of(crash, null);
    try (Connection c = DriverManager.getConnection(url, db.dbUser(), db.dbPassword())) {
      exec(c, "insert into developer (open_id, account, account_type, password_hash, role, is_internal, created_at, updated_at)"
          + " values ('legacydev', 'legacy@example.com', 'email', ?, 'developer', false, ?, ?)", Passwords.hash("legacy-password"), t0, t0);
      for (String[] app : new String[][] {{"legacyapp", "legacykey", SECRET}, {"otherapp", "otherkey", OTHER_SECRET}}) {
        exec(c, "insert into app (app_id, open_id, name, platform, app_key, secret, status, created_at, updated_at)"
            + " values (?, 'legacydev', 'Legacy', 1, ?, ?, 0, ?, ?)", app[0], app[1], app[2], t0, t0);
      }
      // three logs of one bug from two phones, grouped as V9's server grouped them: machines by hash
      exec(c, "insert into error_issue (issue_id, app_id, fingerprint, error_type, title, status, event_count, machine_count,"
          + " first_seen, last_seen) values (?, 'legacyapp', ?, ?, ?, 'unresolved', 3, 2, ?, ?)",
          ISSUE, fp.hash(), fp.type(), fp.title(), t0, t0.plusHours(2));
      exec(c, "insert into error_issue_machine (issue_id, machine_hash) values (?, ?)", ISSUE, MachineHash.of(SECRET, "Pixel 8"));
      exec(c, "insert into error_issue_machine (issue_id, machine_hash) values (?, ?)", ISSUE, MachineHash.of(SECRET, "Galaxy S24"));
      exec(c, "insert into error_issue_version (issue_id, app_version, event_count, first_seen, last_seen) values (?, '1.0', 3, ?, ?)",
          ISSUE, t0, t0.plusHours(2));
      exec(c, "insert into error_issue_day (issue_id, seen_day, event_count) values (?, ?, 3)", ISSUE, t0.toLocalDate());
      log(c, "legacyapp", "Pixel 8", ISSUE, t0);
      log(c, "legacyapp", "Galaxy S24", ISSUE, t0.plusHours(1));
      log(c, "legacyapp", "Pixel 8", ISSUE, t0.plusHours(2));
      // the same phone in another app, not grouped yet (the start-up backfill groups it after the migration)
      log(c, "otherapp", "Pixel 8", null, t0);
      // a family A report: already hashed, left as it is
      exec(c, "insert into error_event (app_id, source, error_type, message, app_version, machine_id, created_at)"
          + " values ('legacyapp', 'report', 'IOException', 'disk full', '1.0', ?, ?)", MachineHash.of(SECRET, "pc-1"), t0);
    }

    try (TestServer server = TestServer.start(c -> database.apply(c.dataDir(dir)))) {
      List<Map<String, Object>> rows = machines(server);
      assertEquals(List.of(
          List.of("legacyapp", "log", MachineHash.of(SECRET, "Pixel 8"), "Pixel 8"),
          List.of("legacyapp", "log", MachineHash.of(SECRET, "Galaxy S24"), "Galaxy S24"),
          List.of("legacyapp", "log", MachineHash.of(SECRET, "Pixel 8"), "Pixel 8"),
          List.of("otherapp", "log", MachineHash.of(OTHER_SECRET, "Pixel 8"), "Pixel 8"),
          List.of("legacyapp", "report", MachineHash.of(SECRET, "pc-1"), "")),
          rows.stream().map(r -> List.of(r.get("APP_ID"), r.get("SOURCE"), r.get("MACHINE_ID"),
              r.get("DEVICE_ID") == null ? "" : r.get("DEVICE_ID"))).toList(),
          "each log hashed under its own app's secret, the report untouched");

      Api legacy = server.login("legacy@example.com", "legacy-password");
      List<String> shown = legacy.get("/v1/user/" + legacy.openId + "/logs?appId=legacyapp&orderBy=createDate:asc").json()
          .getJsonArray("errlogList").stream().map(o -> (JsonObject) o).filter(e -> "log".equals(e.getString("source")))
          .map(e -> e.getString("deviceId")).toList();
      assertEquals(List.of("Pixel 8", "Galaxy S24", "Pixel 8"), shown, "the log list shows deviceId as sent");

      JsonObject issue = IssueFixtures.detail(legacy, "legacyapp", ISSUE).getJsonObject("issue");
      assertEquals(3, issue.getInteger("count"));
      assertEquals(2, issue.getInteger("machines"), "still the two phones");
      assertEquals(2, TestApps.count(server, "select count(*) from error_issue_machine where issue_id = ?", ISSUE));
      String other = (String) TestApps.rows(server, "select issue_id from error_event where app_id = 'otherapp'").get(0).get("ISSUE_ID");
      assertNotNull(other, "grouped at start, by its hashed machine");
      assertEquals(List.of(MachineHash.of(OTHER_SECRET, "Pixel 8")),
          TestApps.rows(server, "select machine_hash from error_issue_machine where issue_id = ?", other).stream()
              .map(r -> r.get("MACHINE_HASH")).toList());

      // the phone reports the same crash through family A, and logs it again: still two machines
      TestApps.Created app = new TestApps.Created("legacyapp", "legacykey");
      assertEquals(ISSUE, IssueFixtures.reported(server, IssueFixtures.report(app, "Crash", "boom", "", "1.0", "Pixel 8")));
      assertEquals(1000, server.anonymous().post(IssueFixtures.LOGS, IssueFixtures.log(app, "Crash: boom", "1.0", "Pixel 8")).code());
      issue = IssueFixtures.detail(legacy, "legacyapp", ISSUE).getJsonObject("issue");
      assertEquals(5, issue.getInteger("count"));
      assertEquals(2, issue.getInteger("machines"), "one phone, whichever family it reports through");
      assertEquals(4, TestApps.count(server, "select count(*) from error_event where issue_id = ? and machine_id = ?",
          ISSUE, MachineHash.of(SECRET, "Pixel 8")), "two old logs, the report and the new log: one stored hash");

      // run again (it never is: Flyway records it), the migration finds nothing left to hash
      List<Map<String, Object>> before = machines(server);
      try (Connection c = server.server().db().dataSource().getConnection()) {
        new V11__Hash_log_machine_ids().migrate(on(c));
      }
      assertEquals(before, machines(server), "a hashed row is never hashed twice");

      server.restart();
      assertEquals(before, machines(server));
      assertEquals(2, IssueFixtures.detail(server.login("legacy@example.com", "legacy-password"), "legacyapp", ISSUE)
          .getJsonObject("issue").getInteger("machines"));
    }
  }

  private static List<Map<String, Object>> machines(TestServer server) throws Exception {
    return TestApps.rows(server, "select app_id, source, machine_id, device_id from error_event order by id");
  }

  private static void log(Connection c, String appId, String deviceId, String issueId, OffsetDateTime at) throws Exception {
    exec(c, "insert into error_event (app_id, source, error_type, message, app_version, machine_id, app_package, created_at, issue_id)"
        + " values (?, 'log', 'Crash: boom', 'Crash: boom', '1.0', ?, 'com.acme', ?, ?)", appId, deviceId, at, issueId);
  }

  /** A Flyway context on a plain connection, to run the migration by hand. */
  private static Context on(Connection c) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return c;
      }
    };
  }

  private static void exec(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      assertEquals(1, st.executeUpdate());
    }
  }
}
