package dev.beacon.api.modules;

import dev.beacon.api.core.Jdbc;
import dev.beacon.api.releases.ReleaseTimeline;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Which machines run which version of a module, per day ({@code module_version_machine}): a
 * module's version is not in heartbeats, so a module update check that names its machine
 * ({@code deviceId}) and the code it has ({@code versionCode}) is what tells. Machines are kept as
 * the same HMAC usage and errors use. Release health reads them ({@link #machines}).
 */
public final class ModuleMachines {
  /** A machine seen on a module version on a day of its app's calendar. */
  record Sighting(String moduleId, int versionCode, LocalDate day, String machineHash) {}

  /** Notes a sighting once (blocking, on the caller's connection). */
  static void note(Connection c, Sighting s) throws SQLException {
    Object[] key = {s.moduleId(), s.versionCode(), s.day(), s.machineHash()};
    boolean[] known = {false};
    Jdbc.query(c, "SELECT 1 FROM module_version_machine WHERE module_id = ? AND version_code = ? AND seen_day = ? AND machine_hash = ?",
        rs -> known[0] = true, key);
    if (!known[0]) {
      Jdbc.update(c, "INSERT INTO module_version_machine (module_id, version_code, seen_day, machine_hash) VALUES (?, ?, ?, ?)", key);
    }
  }

  /** The module's versions (a module of another app: 4004), highest code first, as release health shows them. */
  public List<ReleaseTimeline.Entry> versions(Session s, String appId, String moduleId) {
    ModulesService.inApp(s, appId, moduleId);
    return ReleaseTimeline.entries(s, s.createSelectionQuery("from ModuleVersion v where v.moduleId = :m order by v.code desc",
        ModuleVersion.class).setParameter("m", moduleId).getResultList());
  }

  /** The module's machines per version code and day over {@code from..to} (blocking, on the caller's connection). */
  public Map<Integer, Map<LocalDate, Set<String>>> machines(Connection c, String moduleId, LocalDate from, LocalDate to)
      throws SQLException {
    Map<Integer, Map<LocalDate, Set<String>>> out = new HashMap<>();
    Jdbc.query(c, "SELECT version_code, seen_day, machine_hash FROM module_version_machine WHERE module_id = ? AND seen_day BETWEEN ? AND ?",
        rs -> out.computeIfAbsent(rs.getInt(1), v -> new HashMap<>()).computeIfAbsent(rs.getObject(2, LocalDate.class),
            d -> new HashSet<>()).add(rs.getString(3)), moduleId, from, to);
    return out;
  }
}
