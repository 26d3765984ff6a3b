package dev.beacon.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of a request never makes a 5xx: every path the server registers, with every method,
 * each with every kind of content type (multipart with and without a boundary, a url-encoded form,
 * JSON, none, garbage) and a body, also on {@code GET}, {@code HEAD}, {@code DELETE} and
 * {@code OPTIONS}. Each answer is the route's normal answer or a 4xx in its envelope.
 */
class RequestShapeTest {
  static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PURGE"};
  static final String[][] SHAPES = {
    {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"},
    {"multipart/form-data; boundary=x", "x"},
    {"multipart/form-data", "x"},
    {"MULTIPART/FORM-DATA; boundary=\"q\"", "--q\r\n\r\n"},
    {"application/x-www-form-urlencoded", "a=b&c=%zz&&="},
    {"application/json", "{\"name\":\"x\"}"},
    {"application/json", "{"},
    {null, "x"},
    {null, null},
    {";;garbage/\u00e9;;", "\u0000\u0001"},
    {"text/plain; charset=nope", "hello"},
  };

  static TestServer server;
  static Api admin;

  @BeforeAll
  static void up() throws Exception {
    server = TestServer.start();
    admin = server.admin();
  }

  @AfterAll
  static void down() throws Exception {
    server.close();
  }

  @Test
  void everyMethodWithEveryContentTypeOnEveryPathIsAnsweredWithoutA5xx() {
    TreeSet<String> paths = new TreeSet<>();
    for (String endpoint : server.server().endpoints()) {
      paths.add(endpoint.substring(endpoint.indexOf(' ') + 1));
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (String template : paths) {
      String path = template.replace("{openId}", admin.openId).replaceAll("\\{[^}]+}", "1");
      for (String method : METHODS) {
        for (String[] shape : SHAPES) {
          Resp r = admin.unchecked().raw(method, path, shape[1], shape[0]);
          statuses.merge(r.status(), 1, Integer::sum);
          String what = method + " " + path + " [" + shape[0] + "] -> ";
          if (r.status() >= 500) {
            failures.add(what + r);
          } else if (r.status() >= 400 && !method.equals("HEAD") && !Envelopes.matches(path, r)) {
            failures.add(what + "not in the route's envelope: " + r);
          }
        }
      }
    }
    System.out.printf("request shapes: %d paths, statuses %s%n", paths.size(), statuses);
    assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers, first ones:\n"
        + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    assertEquals(200, server.anonymous().get("/health").status(), "the server is still up");
  }
}
