package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {
  static final Ordering ORDER = Ordering.of(Map.of("name", "name", "create_date", "createdAt"), "create_date:desc", "id");

  static Paging page(Map<String, String> query) {
    return Paging.from(Params.of(query), ORDER);
  }

  @Test
  void defaults() {
    Paging p = page(Map.of());
    assertEquals(1, p.pageNo());
    assertEquals(30, p.pageSize());
    assertEquals("createdAt", p.orderProperty());
    assertFalse(p.ascending());
    assertEquals(0, p.offset());
  }

  @Test
  void namesAreCaseInsensitive() {
    Paging p = page(Map.of("pageno", "3", "PageSize", "10", "ORDERBY", "name:asc"));
    assertEquals(3, p.pageNo());
    assertEquals(10, p.pageSize());
    assertEquals(20, p.offset());
    assertTrue(p.ascending());
    assertEquals("a.name asc, a.id asc", p.orderBy("a"));
  }

  @Test
  void boundsAreEnforced() {
    for (String bad : new String[] {"0", "-1", "101", "x", "99999999999"}) {
      ApiException e = assertThrows(ApiException.class, () -> page(Map.of("pageSize", bad)));
      assertEquals(ApiException.BAD_PARAMETER, e.code());
    }
    assertEquals(100, page(Map.of("pageSize", "100")).pageSize());
    assertThrows(ApiException.class, () -> page(Map.of("pageNo", "0")));
  }

  @Test
  void onlyListedColumnsMaySort() {
    for (String bad : new String[] {"password:asc", "name:up", "name;drop table app", "name:asc:x", "1:asc"}) {
      ApiException e = assertThrows(ApiException.class, () -> page(Map.of("orderBy", bad)));
      assertTrue(e.getMessage().contains("orderBy"), e.getMessage());
    }
  }

  @Test
  void farPagesDoNotOverflow() {
    assertEquals(Integer.MAX_VALUE, page(Map.of("pageNo", "2000000000", "pageSize", "100")).offset());
  }
}
