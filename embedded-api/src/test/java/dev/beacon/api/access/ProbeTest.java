package dev.beacon.api.access;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import org.junit.jupiter.api.Test;

class ProbeTest extends ServerTest {
  @Test
  void probe() throws Exception {
    Api a = server.newDeveloper();
    Api b = server.newDeveloper();
    Api none = server.anonymous();
    Api admin = server.admin();
    StringBuilder out = new StringBuilder();
    String big = "{\"x\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}";
    Object[][] cases = {
      {"none", none, "GET", "/v1/user/" + a.openId + "/nothing", null},
      {"a", a, "GET", "/v1/user/" + a.openId + "/nothing", null},
      {"a", a, "GET", "/v1/user/" + b.openId + "/nothing", null},
      {"none", none, "PATCH", "/v1/user/" + a.openId + "/app", null},
      {"a", a, "PATCH", "/v1/user/" + a.openId + "/app", null},
      {"a", a, "PATCH", "/v1/user/" + b.openId + "/app", null},
      {"none", none, "GET", "/v1/user/", null},
      {"none", none, "GET", "/v1/user", null},
      {"none", none, "DELETE", "/v1/user/", null},
      {"none", none, "POST", "/v1/user//", "{}"},
      {"none", none, "POST", "/v1/user/", "{}"},
      {"none", none, "POST", "/v1/user", "{}"},
      {"none", none, "GET", "/v1/user/x", null},
      {"none", none, "GET", "/v1/admin/nothing", null},
      {"a", a, "GET", "/v1/admin/nothing", null},
      {"admin", admin, "GET", "/v1/admin/nothing", null},
      {"admin", admin, "PATCH", "/v1/admin/app", null},
      {"a", a, "PATCH", "/v1/admin/app", null},
      {"none", none, "GET", "/v1/admin/", null},
      {"none", none, "GET", "/v1/admin", null},
      {"none", none, "PATCH", "/v1/poster", null},
      {"none", none, "POST", "/v1/poster", "{}"},
      {"a", a, "POST", "/v1/poster", "{}"},
      {"none", none, "POST", "/v1/nothing", big},
      {"none", none, "POST", "/v1/user/" + a.openId + "/app", big},
      {"none", none, "POST", "/v1/logs", big},
      {"none", none, "POST", "/v1/poster", big},
      {"none", none, "GET", "/v1/user/uploadfile", null},
      {"none", none, "POST", "/v1/user/uploadfile", "{}"},
      {"a", a, "POST", "/v1/uploadfile", "{}"},
      {"none", none, "GET", "/v1/uploadfile", null},
      {"none", none, "GET", "/v1/user/%00/app", null},
      {"none", none, "GET", "/health/", null},
      {"none", none, "POST", "/health", null},
    };
    for (Object[] c : cases) {
      Resp r = ((Api) c[1]).raw((String) c[2], (String) c[3], (String) c[4], c[4] == null ? null : "application/json");
      String raw = r.raw().length() > 200 ? r.raw().substring(0, 200) : r.raw();
      out.append(c[0]).append(' ').append(c[2]).append(' ').append(((String) c[3]).replace(a.openId, "{A}").replace(b.openId, "{B}"))
          .append(" -> ").append(r.status()).append(' ').append(raw.replace(a.openId, "{A}").replace(b.openId, "{B}")).append('\n');
    }
    java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/probe/" + System.getProperty("probe", "out") + ".txt"), out);
  }
}
