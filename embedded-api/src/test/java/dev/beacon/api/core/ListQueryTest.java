package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.TestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ListQuery} and {@link Paging} against a real database: the server's H2 file (or, with
 * {@code -Dbeacon.test.db=postgresql}, a fresh PostgreSQL database), through Hibernate.
 */
class ListQueryTest {
  static final Ordering ORDER = Ordering.of(Map.of("amount", "amount", "name", "name"), "amount:asc", "id");

  @Entity(name = "ListRow")
  @Table(name = "list_query_row")
  public static class ListRow {
    @Id
    public long id;

    @Column(nullable = false)
    public String name;

    public int amount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A property no list may sort by. */
    public String secret;

    protected ListRow() {}

    ListRow(long id, String name, int amount) {
      this.id = id;
      this.name = name;
      this.amount = amount;
      this.createdAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600 * id);
      this.secret = "s" + id;
    }
  }

  /** Ids 1..12; amounts repeat so that only the tie-breaker orders rows within an amount. */
  static final List<ListRow> ROWS = List.of(
      new ListRow(1, "100%", 5),
      new ListRow(2, "100 apples", 5),
      new ListRow(3, "a_b", 7),
      new ListRow(4, "axb", 7),
      new ListRow(5, "x!y", 5),
      new ListRow(6, "x!!y", 7),
      new ListRow(7, "50!%off", 5),
      new ListRow(8, "it's", 9),
      new ListRow(9, "Plain", 9),
      new ListRow(10, "back\\slash", 5),
      new ListRow(11, "[ab]", 7),
      new ListRow(12, "ÉCLAIR", 9));

  @TempDir
  static Path dataDir;
  static TestDatabase database;
  static SessionFactory sessions;

  @BeforeAll
  static void open() throws Exception {
    database = TestDatabase.create();
    Config c = Config.defaults().dataDir(dataDir);
    database.apply(c);
    Configuration cfg = new Configuration();
    cfg.setProperty("hibernate.connection.url", c.effectiveDbUrl());
    if (c.dbUser() != null) {
      cfg.setProperty("hibernate.connection.username", c.dbUser());
      cfg.setProperty("hibernate.connection.password", c.dbPassword());
    }
    cfg.setProperty("hibernate.hbm2ddl.auto", "create-drop");
    cfg.setProperty("hibernate.jdbc.time_zone", "UTC");
    cfg.addAnnotatedClass(ListRow.class);
    sessions = cfg.buildSessionFactory();
    sessions.inTransaction(s -> ROWS.forEach(s::persist));
  }

  @AfterAll
  static void close() {
    if (sessions != null) {
      sessions.close();
    }
    database.close();
  }

  static Paging paging(String orderBy, int pageNo, int pageSize) {
    return paging(ORDER, orderBy, pageNo, pageSize);
  }

  static Paging paging(Ordering ordering, String orderBy, int pageNo, int pageSize) {
    return Paging.from(Params.of(Map.of("orderBy", orderBy, "pageNo", "" + pageNo, "pageSize", "" + pageSize)), ordering);
  }

  static Page<ListRow> run(Function<ListQuery, ListQuery> filters, Paging paging) {
    return sessions.fromTransaction(s -> filters.apply(ListQuery.of(ListRow.class, "r")).page(s, ListRow.class, paging));
  }

  static List<Long> ids(Function<ListQuery, ListQuery> filters) {
    return run(filters, paging("amount:asc", 1, 100)).items().stream().map(r -> r.id).toList();
  }

  static List<Long> containing(String text) {
    return ids(q -> q.contains(text, "r.name"));
  }

  @Test
  void likeMetacharactersMatchOnlyThemselves() {
    assertEquals(List.of(1L, 7L), containing("%"));
    assertEquals(List.of(3L), containing("_"));
    assertEquals(List.of(5L, 7L, 6L), containing("!"));
    assertEquals(List.of(6L), containing("!!"));
    assertEquals(List.of(7L), containing("!%"));
    assertEquals(List.of(10L), containing("\\"));
    assertEquals(List.of(11L), containing("[ab]"));
    assertEquals(List.of(8L), containing("'"));
    assertEquals(List.of(), containing("%%"));
    assertEquals(List.of(), containing("' or '1'='1"));
  }

  @Test
  void containsIgnoresCaseAndSearchesEveryPropertyGiven() {
    assertEquals(List.of(2L), containing("APPLES"));
    assertEquals(List.of(9L), containing("plain"));
    assertEquals(List.of(2L), ids(q -> q.contains("Apples", "r.secret", "r.name")));
    assertEquals(List.of(1L, 10L, 11L, 12L), ids(q -> q.contains("S1", "r.name", "r.secret")));
  }

  @Test
  void onlyWhitelistedColumnsSort() {
    for (String bad : new String[] {"secret:asc", "id:asc", "amount;drop table list_query_row", "amount:asc,secret", "name:up",
        "amount:asc:x", "(select 1):asc", "Amount:asc"}) {
      ApiException e = assertThrows(ApiException.class, () -> paging(bad, 1, 10), bad);
      assertEquals(ApiException.BAD_PARAMETER, e.code());
      assertTrue(e.getMessage().startsWith("orderBy must be column:asc or column:desc with column one of amount, name, got '"),
          e.getMessage());
    }
    assertEquals(ROWS.size(), run(q -> q, paging("name:desc", 1, 100)).totalCount());
  }

  @Test
  void tiesAreBrokenByTheTieBreakerAcrossPages() {
    List<Long> ascending = List.of(1L, 2L, 5L, 7L, 10L, 3L, 4L, 6L, 11L, 8L, 9L, 12L);
    assertEquals(ascending, pagedThrough(ORDER, "amount:asc"));
    assertEquals(List.of(8L, 9L, 12L, 3L, 4L, 6L, 11L, 1L, 2L, 5L, 7L, 10L), pagedThrough(ORDER, "amount:desc"));
    assertEquals(List.of(12L, 9L, 8L, 11L, 6L, 4L, 3L, 10L, 7L, 5L, 2L, 1L), pagedThrough(ORDER.tiesAsOrdered(), "amount:desc"));
    assertEquals(List.of(10L, 7L, 5L, 2L, 1L, 11L, 6L, 4L, 3L, 12L, 9L, 8L), pagedThrough(ORDER.tiesDescending(), "amount:asc"));
    assertEquals(ascending, pagedThrough(ORDER.tiesAsOrdered(), "amount:asc"));
  }

  /** Every row once, read three to a page. */
  static List<Long> pagedThrough(Ordering ordering, String orderBy) {
    List<Long> all = new ArrayList<>();
    for (int no = 1; no <= 5; no++) {
      Page<ListRow> page = run(q -> q, paging(ordering, orderBy, no, 3));
      assertEquals(ROWS.size(), page.totalCount());
      assertEquals(no <= 4 ? 3 : 0, page.items().size());
      page.items().forEach(r -> all.add(r.id));
    }
    assertEquals(all.size(), new HashSet<>(all).size());
    return all;
  }

  @Test
  void theTotalCountsEveryMatchNotThePage() {
    Page<ListRow> page = run(q -> q.equal("r.amount", 7), paging("amount:asc", 2, 3));
    assertEquals(4, page.totalCount());
    assertEquals(List.of(11L), page.map(r -> r.id).items());
    Page<ListRow> beyond = run(q -> q.equal("r.amount", 7), paging("amount:asc", 9, 3));
    assertEquals(4, beyond.totalCount());
    assertEquals(List.of(), beyond.items());
  }

  @Test
  void filtersCombineAndNullValuesAreLeftOut() {
    Instant third = ROWS.get(2).createdAt;
    Instant sixth = ROWS.get(5).createdAt;
    assertEquals(ROWS.size(), ids(q -> q.equal("r.amount", null).contains(null, "r.name").in("r.id", null)
        .between("r.createdAt", null, null).where("r.secret = :s", "s", null)).size());
    assertEquals(List.of(5L, 3L, 4L, 6L), ids(q -> q.between("r.createdAt", third, sixth)));
    assertEquals(List.of(5L, 3L, 4L), ids(q -> q.atLeast("r.createdAt", third).below("r.createdAt", sixth)));
    assertEquals(List.of(3L, 4L), ids(q -> q.between("r.createdAt", third, sixth).notEqual("r.amount", 5).atMost("r.id", 4)));
    assertEquals(List.of(2L, 9L), ids(q -> q.in("r.id", List.of(9L, 2L, 99L))));
    assertEquals(List.of(), ids(q -> q.in("r.id", List.of())));
    assertEquals(List.of(8L, 9L, 12L), ids(q -> q.atLeast("r.amount", 8)));
    assertEquals(List.of(4L), ids(q -> q.where("r.secret = :s", "s", "s4").equal("r.amount", 7)));
    assertEquals(0, run(q -> q.in("r.id", List.of()), paging("amount:asc", 1, 10)).totalCount());
  }

  @Test
  void aSelectReadsOtherColumnsInTheSameOrder() {
    Page<Object[]> page = sessions.fromTransaction(s -> ListQuery.of(ListRow.class, "r").select("select r.id, r.name")
        .equal("r.amount", 9).page(s, Object[].class, paging("amount:desc", 1, 10)));
    assertEquals(3, page.totalCount());
    assertEquals(List.of("it's", "Plain", "ÉCLAIR"), page.items().stream().map(row -> (String) row[1]).toList());
  }
}
