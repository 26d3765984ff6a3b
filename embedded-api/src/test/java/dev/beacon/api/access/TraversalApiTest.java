package dev.beacon.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Path traversal on every file route of {@code openapi.yaml} (every path with a {@code {filename}},
 * reads and deletes) and in upload names: {@code ../}, its percent-encodings, backslashes,
 * absolute paths and NUL never reach a file outside the storage folder, and are answered 4xx.
 * Requests go over a raw socket so that the bytes are exactly the attack's (no client normalises them).
 */
class TraversalApiTest extends ServerTest {
  static final String BOUNDARY = "----beacon-access-boundary";
  static final Pattern SERVER_NAME = Pattern.compile("[0-9a-f]{32}(\\.[A-Za-z0-9]{1,16})?");

  static Routes routes;
  static Api dev;
  static Path outside;

  @BeforeAll
  static void up() throws IOException {
    routes = Routes.load();
    dev = server.newDeveloper();
    // a file of the stored names' shape just outside DATA/files
    outside = server.dataDir().resolve("c".repeat(32) + ".txt");
    Files.writeString(outside, "SECRET-OUTSIDE");
  }

  static List<String> attacks() {
    String name = outside.getFileName().toString();
    String abs = outside.toAbsolutePath().toString();
    return List.of(
        "../" + name, "..%2f" + name, "..%2F" + name, "%2e%2e%2f" + name, "%2E%2E/" + name, "%252e%252e%252f" + name,
        "..\\" + name, "..%5c" + name, "%2e%2e%5c" + name, "....//" + name, "..%2f..%2f..%2f..%2fetc%2fpasswd",
        "../../../../etc/passwd", "/" + abs, "%2f" + abs.substring(1).replace("/", "%2f"), "C:%5cWindows%5cwin.ini",
        name + "%00.txt", "%00", "..%00/" + name, ".", "..", "db", ".incoming");
  }

  @Test
  void noFileRouteReachesAFileOutsideTheStorageFolder() throws IOException {
    List<Routes.Op> fileRoutes = routes.ops().stream().filter(op -> op.has("filename")).toList();
    assertTrue(fileRoutes.size() >= 3, "reads and deletes: " + fileRoutes);
    List<String> wrong = new ArrayList<>();
    int tried = 0;
    for (Routes.Op op : fileRoutes) {
      Api who = op.template().startsWith("/v1/uploadfile") ? server.admin() : dev;
      for (String attack : attacks()) {
        String target = op.template().replace("{filename}", attack);
        String answer = raw(op.method(), target, who);
        tried++;
        int status = status(answer);
        if (status < 400 || status >= 500 || answer.contains("SECRET-OUTSIDE") || answer.contains("root:")) {
          wrong.add(op.method() + " " + target + " -> " + answer.lines().findFirst().orElse(""));
        }
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    assertTrue(Files.exists(outside), "nothing outside the storage folder was deleted");
    assertEquals("SECRET-OUTSIDE", Files.readString(outside));
    assertTrue(tried >= 60, "attempts: " + tried);
  }

  @Test
  void uploadNamesNeverChooseWhereTheFileGoes() throws IOException {
    List<String> names = List.of("../../evil-1.txt", "..\\..\\evil-2.txt", "/tmp/evil-3.txt", "C:\\evil-4.txt",
        "evil-5.txt\u0000.png", "%2e%2e%2fevil-6.txt", "....//evil-7.txt", "evil-8.txt/../../x");
    for (String path : List.of("/v1/user/uploadfile", "/v1/uploadfile")) {
      Api who = path.equals("/v1/uploadfile") ? server.admin() : dev;
      for (String name : names) {
        Resp r = who.send(who.request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(name, "payload"))));
        assertTrue(r.status() == 200 || (r.status() >= 400 && r.status() < 500), path + " " + name + " -> " + r);
        if (r.status() == 200) {
          String stored = r.json().getString("filename");
          assertTrue(SERVER_NAME.matcher(stored).matches(), "the server makes the name: " + stored + " for " + name);
        }
      }
    }
    Path root = server.dataDir().getParent();
    try (Stream<Path> all = Files.walk(server.dataDir())) {
      assertFalse(all.anyMatch(p -> p.getFileName().toString().contains("evil")), "no upload kept its given name");
    }
    for (int i = 1; i <= 8; i++) {
      assertFalse(Files.exists(root.resolve("evil-" + i + ".txt")), "nothing was written beside the data folder");
      assertFalse(Files.exists(Path.of("/tmp/evil-" + i + ".txt")), "nothing was written to /tmp");
    }
  }

  static byte[] multipart(String filename, String content) {
    String escaped = filename.replace("\"", "%22");
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"" + escaped + "\"\r\n"
        + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** One request over a raw socket, the target sent byte for byte; the whole answer as text. */
  static String raw(String method, String target, Api who) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + (who.token == null ? "" : "X-Auth-Token: " + who.token + "\r\nX-Openid: " + who.openId + "\r\n")
          + "Content-Length: 0\r\n\r\n";
      s.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  static int status(String answer) {
    return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
  }
}
