package dev.beacon.api.health;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.errors.VersionErrors;
import dev.beacon.api.modules.ModuleMachines;
import dev.beacon.api.releases.ReleaseTimeline;
import dev.beacon.api.sentry.SessionHealth;
import dev.beacon.api.shared.VersionComparator;
import dev.beacon.api.telemetry.VersionUsage;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;

/**
 * Release health: per version of an app (or of a module), over a window of days, its machines, the
 * machines among them that reported errors on it, the rates, Sentry's crash-free figures, its new
 * issues and regressions, and the same figures of the version before it at the same age. An app's
 * versions are its releases and the other versions its machines ran in the window.
 *
 * <p>Both sides of the error-free rate count the same machines: usage keeps each day's machines
 * per version as usage ordinals ({@link VersionUsage}), errors keep the machines that hit an
 * error per version and day as the same HMAC heartbeats are stored under ({@link VersionErrors}),
 * and the hashes are turned into ordinals before counting; the machines with errors are those of
 * the version's machines. Module versions are not in heartbeats: their machines are those whose
 * module update checks named the version ({@link ModuleMachines}), their errors those the same
 * machines reported (on any app version) on those days. Blocking (JDBC): call it off the event loop.
 */
public final class ReleaseHealth {
  private final VersionUsage usage;
  private final VersionErrors errors;
  private final SessionHealth sessions;
  private final ModuleMachines modules;
  private volatile ServerContext sc;

  ReleaseHealth(VersionUsage usage, VersionErrors errors, SessionHealth sessions, ModuleMachines modules) {
    this.usage = usage;
    this.errors = errors;
    this.sessions = sessions;
    this.modules = modules;
  }

  void start(ServerContext ctx) {
    this.sc = ctx;
  }

  /** A version's figures over some days, and the version before it at the same age ({@code null} when none). */
  record Health(ReleaseTimeline.Entry version, LocalDate from, LocalDate to, MachineSets.Counts counts,
      Double crashFreeSessions, Double crashFreeMachines, Long newIssues, Long regressions,
      List<VersionErrors.TopIssue> topIssues, Health previous) {

    Health withTopIssues(List<VersionErrors.TopIssue> top) {
      return new Health(version, from, to, counts, crashFreeSessions, crashFreeMachines, newIssues, regressions, top, previous);
    }

    Health withPrevious(Health p) {
      return new Health(version, from, to, counts, crashFreeSessions, crashFreeMachines, newIssues, regressions, topIssues, p);
    }

    /** Worse than the version before at the same age: fewer error-free (or crash-free) machines. */
    boolean worse() {
      return previous != null && (lower(counts.errorFreeRate(), previous.counts.errorFreeRate())
          || lower(crashFreeMachines, previous.crashFreeMachines) || lower(crashFreeSessions, previous.crashFreeSessions));
    }

    private static boolean lower(Double a, Double b) {
      return a != null && b != null && a < b;
    }
  }

  /** The versions of an app or module over a window, highest code first. */
  record Report(HealthWindow window, LocalDate from, LocalDate to, List<Health> versions) {}

  /** The whole figures of an app over a window (developers their own apps, admins any: 4004 otherwise). */
  Report app(String openId, boolean admin, String appId, HealthWindow window) throws SQLException {
    AppFacts facts = sc.db().inTx(s -> {
      App app = AppAccess.readable(s, openId, admin, appId);
      return new AppFacts(app.appId, app.zone(), ReleaseTimeline.appVersions(s, app.appId));
    });
    LocalDate to = LocalDate.ofInstant(sc.now(), facts.zone());
    LocalDate from = window.from(to);
    Map<String, Long> newIssues = sc.db().inJdbcTx(c -> errors.newIssues(c, facts.appId()));
    Map<String, Long> regressions = sc.db().inJdbcTx(c -> errors.regressions(c, facts.appId()));
    AppRange current = appRange(facts.appId(), from, to);
    List<Health> out = new ArrayList<>();
    List<ReleaseTimeline.Entry> versions = withObserved(facts.versions(), current.sets(), from, to);
    for (int i = 0; i < versions.size(); i++) {
      ReleaseTimeline.Entry v = versions.get(i);
      Health h = appHealth(current, v, from, to, newIssues.getOrDefault(v.name(), 0L), regressions.getOrDefault(v.name(), 0L), null);
      if (h.counts().errorMachines() > 0) {
        h = h.withTopIssues(sc.db().inJdbcTx(c -> errors.topIssues(c, facts.appId(), List.of(v.name()), from, to, 5)));
      }
      if (current(h)) {
        h = h.withPrevious(previous(versions, i, facts.zone(), from, to,
            (p, pFrom, pTo) -> appHealth(appRange(facts.appId(), pFrom, pTo), p, pFrom, pTo, null, null, null)));
      }
      out.add(h);
    }
    return new Report(window, from, to, out);
  }

  /** The whole figures of a module over a window (an app not the caller's, or a module of another app: 4004). */
  Report module(String openId, boolean admin, String appId, String moduleId, HealthWindow window) throws SQLException {
    AppFacts facts = sc.db().inTx(s -> {
      App app = AppAccess.readable(s, openId, admin, appId);
      return new AppFacts(app.appId, app.zone(), modules.versions(s, app.appId, moduleId));
    });
    LocalDate to = LocalDate.ofInstant(sc.now(), facts.zone());
    LocalDate from = window.from(to);
    MachineSets current = moduleSets(facts.appId(), moduleId, from, to);
    List<Health> out = new ArrayList<>();
    List<ReleaseTimeline.Entry> versions = facts.versions();
    for (int i = 0; i < versions.size(); i++) {
      ReleaseTimeline.Entry v = versions.get(i);
      Health h = new Health(v, from, to, current.figures(key(v), from, to), null, null, null, null, List.of(), null);
      if (current(h)) {
        h = h.withPrevious(previous(versions, i, facts.zone(), from, to, (p, pFrom, pTo) -> new Health(p, pFrom, pTo,
            moduleSets(facts.appId(), moduleId, pFrom, pTo).figures(key(p), pFrom, pTo), null, null, null, null, List.of(), null)));
      }
      out.add(h);
    }
    return new Report(window, from, to, out);
  }

  /**
   * One app version's figures over the last 24 hours (window = since its rollout began if
   * shorter); empty when unknown. Blocking (JDBC): call off the event loop.
   */
  public Optional<VersionFigures> lastDay(String appId, String versionId) throws SQLException {
    Optional<AppFacts> found = sc.db().inTx(s -> {
      App app = s.find(App.class, appId);
      if (app == null) {
        return Optional.<AppFacts>empty();
      }
      List<ReleaseTimeline.Entry> v = ReleaseTimeline.appVersions(s, appId).stream().filter(e -> e.versionId().equals(versionId)).toList();
      return v.isEmpty() ? Optional.<AppFacts>empty() : Optional.of(new AppFacts(app.appId, app.zone(), v));
    });
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ReleaseTimeline.Entry v = found.get().versions().get(0);
    LocalDate to = LocalDate.ofInstant(sc.now(), found.get().zone());
    LocalDate from = HealthWindow.H24.from(to);
    LocalDate since = LocalDate.ofInstant(v.since(), found.get().zone());
    if (since.isAfter(from) && !since.isAfter(to)) {
      from = since;
    }
    Health h = appHealth(appRange(appId, from, to), v, from, to, null, null, null);
    return Optional.of(new VersionFigures(v.versionId(), v.name(), v.channel(), v.state(), v.rollout(), h.counts().machines(),
        h.counts().errorMachines(), h.counts().errorFreeRate(), h.crashFreeSessions(), h.crashFreeMachines()));
  }

  private record AppFacts(String appId, ZoneId zone, List<ReleaseTimeline.Entry> versions) {}

  /** The state of a version that machines run but that is not among the app's releases. */
  static final String UNRELEASED = "unreleased";

  /**
   * The app's releases and, among them by version order, the versions its machines ran in the
   * window that are not releases (heartbeats name any version: an app need not publish its releases
   * in Beacon to see their health).
   */
  static List<ReleaseTimeline.Entry> withObserved(List<ReleaseTimeline.Entry> releases, MachineSets sets, LocalDate from,
      LocalDate to) {
    Set<String> known = new HashSet<>();
    releases.forEach(r -> known.add(r.name()));
    List<String> observed = new ArrayList<>();
    for (String name : sets.versions()) {
      if (!name.isEmpty() && !known.contains(name) && sets.figures(name, from, to).machines() > 0) {
        observed.add(name);
      }
    }
    if (observed.isEmpty()) {
      return releases;
    }
    observed.sort(VersionComparator.INSTANCE.reversed());
    List<ReleaseTimeline.Entry> out = new ArrayList<>(releases.size() + observed.size());
    int o = 0;
    for (ReleaseTimeline.Entry r : releases) {
      while (o < observed.size() && VersionComparator.INSTANCE.compare(observed.get(o), r.name()) > 0) {
        out.add(unreleased(observed.get(o++)));
      }
      out.add(r);
    }
    while (o < observed.size()) {
      out.add(unreleased(observed.get(o++)));
    }
    return out;
  }

  private static ReleaseTimeline.Entry unreleased(String name) {
    return new ReleaseTimeline.Entry(null, name, 0, null, UNRELEASED, 0, null, null, false);
  }

  /** An app's machine sets and Sentry figures over some days. */
  private record AppRange(MachineSets sets, Map<String, SessionHealth.Figures> sessions) {}

  @FunctionalInterface
  private interface Figures {
    Health of(ReleaseTimeline.Entry version, LocalDate from, LocalDate to) throws SQLException;
  }

  /**
   * Whether a version is compared with the one before: it ran in the window or is out now (the
   * comparison reads the earlier version's first days, so versions long gone are spared it).
   */
  private static boolean current(Health h) {
    if (h.version().versionId() == null) {
      return false; // not a release: no date it went out to compare from
    }
    return h.counts().machines() > 0 || List.of("rolling", "released", "halted").contains(h.version().state());
  }

  /**
   * The version before {@code versions[i]} (the next lower code that went out) over its first days,
   * as many as {@code versions[i]} has had in {@code from..to}; {@code null} when there is none.
   */
  private static Health previous(List<ReleaseTimeline.Entry> versions, int i, ZoneId zone, LocalDate from, LocalDate to,
      Figures figures) throws SQLException {
    ReleaseTimeline.Entry v = versions.get(i);
    ReleaseTimeline.Entry p = null;
    for (int j = i + 1; j < versions.size() && p == null; j++) {
      if (versions.get(j).versionId() != null && !"draft".equals(versions.get(j).state())) {
        p = versions.get(j);
      }
    }
    if (p == null) {
      return null;
    }
    LocalDate since = LocalDate.ofInstant(v.since(), zone);
    LocalDate start = since.isAfter(from) ? since : from;
    long age = start.isAfter(to) ? 1 : java.time.temporal.ChronoUnit.DAYS.between(start, to) + 1;
    LocalDate pFrom = LocalDate.ofInstant(p.since(), zone);
    LocalDate pTo = pFrom.plusDays(age - 1);
    if (pTo.isAfter(to)) {
      pTo = to;
    }
    if (pFrom.isAfter(pTo)) {
      pFrom = pTo;
    }
    return figures.of(p, pFrom, pTo);
  }

  private Health appHealth(AppRange range, ReleaseTimeline.Entry v, LocalDate from, LocalDate to, Long newIssues,
      Long regressions, List<VersionErrors.TopIssue> top) {
    SessionHealth.Figures s = range.sessions().get(v.name());
    return new Health(v, from, to, range.sets().figures(v.name(), from, to), s == null ? null : s.crashFreeSessions(),
        s == null ? null : s.crashFreeMachines(), newIssues, regressions, top == null ? List.of() : top, null);
  }

  /** The app's machines per version and day over {@code from..to}, errors among them, and Sentry's figures. */
  private AppRange appRange(String appId, LocalDate from, LocalDate to) throws SQLException {
    Map<String, Map<LocalDate, Set<String>>> errorHashes = sc.db().inJdbcTx(c -> errors.machines(c, appId, from, to));
    Map<String, SessionHealth.Figures> crashFree = sc.db().inJdbcTx(c -> sessions.figures(c, appId, from, to));
    Set<String> hashes = new HashSet<>();
    errorHashes.values().forEach(days -> days.values().forEach(hashes::addAll));
    VersionUsage.Window w = usage.read(appId, from, to, hashes);
    MachineSets sets = MachineSets.empty();
    w.days().forEach((d, day) -> {
      day.machines().forEach((v, m) -> sets.addActive(v, d, m));
      day.countsOnly().forEach((v, n) -> sets.addCount(v, d, n));
    });
    errorHashes.forEach((v, days) -> days.forEach((d, machines) -> {
      RoaringBitmap b = new RoaringBitmap();
      machines.forEach(h -> {
        Integer o = w.ordinals().get(h);
        if (o != null) {
          b.add(o);
        }
      });
      sets.addErrors(v, d, b);
    }));
    return new AppRange(sets, crashFree);
  }

  /**
   * A module's machines per version (by code) and day over {@code from..to}, and the same machines'
   * errors on any app version, numbered here (the same hash, the same number).
   */
  private MachineSets moduleSets(String appId, String moduleId, LocalDate from, LocalDate to) throws SQLException {
    Map<Integer, Map<LocalDate, Set<String>>> seen = sc.db().inJdbcTx(c -> modules.machines(c, moduleId, from, to));
    Map<LocalDate, Set<String>> errs = sc.db().inJdbcTx(c -> errors.anyVersion(c, appId, from, to));
    Map<String, Integer> numbers = new HashMap<>();
    MachineSets sets = MachineSets.empty();
    seen.forEach((code, days) -> days.forEach((d, machines) -> {
      RoaringBitmap b = new RoaringBitmap();
      machines.forEach(h -> b.add(numbers.computeIfAbsent(h, k -> numbers.size())));
      sets.addActive(String.valueOf(code), d, b);
    }));
    errs.forEach((d, machines) -> {
      RoaringBitmap b = new RoaringBitmap();
      machines.forEach(h -> {
        Integer n = numbers.get(h);
        if (n != null) {
          b.add(n);
        }
      });
      seen.keySet().forEach(code -> sets.addErrors(String.valueOf(code), d, b));
    });
    return sets;
  }

  private static String key(ReleaseTimeline.Entry moduleVersion) {
    return String.valueOf(moduleVersion.code());
  }
}
