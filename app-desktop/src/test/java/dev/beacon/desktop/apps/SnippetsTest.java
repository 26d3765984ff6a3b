package dev.beacon.desktop.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  @Test
  void everyLanguageUsesTheServersAddressAndTheAppsKeyOnTheThreeRoutes() {
    Map<String, String> s = Snippets.forApp("http://192.168.1.20:8470/", "534a235d30f13cac");
    assertEquals(List.of("C#", "Python", "Java", "curl"), List.copyOf(s.keySet()));
    s.forEach((lang, code) -> {
      assertTrue(code.contains("534a235d30f13cac"), lang);
      assertTrue(code.contains("http://192.168.1.20:8470"), lang);
      assertFalse(code.contains("8470//"), lang + ": no double slash");
      assertFalse(code.contains("%KEY%") || code.contains("%API%") || code.contains("%BASE%"), lang);
      for (String route : List.of("heartbeat", "version/check", "error/report")) {
        assertTrue(code.contains(route), lang + " calls " + route);
      }
    });
    assertTrue(s.get("Python").contains("BASE_URL = \"http://192.168.1.20:8470/api/v1\""), s.get("Python"));
  }
}
