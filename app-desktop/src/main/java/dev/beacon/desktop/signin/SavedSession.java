package dev.beacon.desktop.signin;

import dev.beacon.desktop.client.Session;
import dev.beacon.desktop.ui.OwnerOnlyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The owner's session on the embedded server, kept in {@code DATA/console-session} (readable by the
 * owner only, like the owner's password beside it) after the console signed in with the owner's
 * credentials: the next launch signs in with it, without the password's deliberately slow check
 * (PBKDF2, half a second of CPU when the server has just started). It lasts as long as the token
 * (the server's token lifetime); signing out deletes it.
 */
record SavedSession(String openId, String token, boolean admin) {
  static final String FILE = "console-session";

  static SavedSession of(Session s) {
    return new SavedSession(s.openId(), s.token(), s.admin());
  }

  Session session() {
    return new Session(openId, token, admin);
  }

  /** The session saved in {@code dataDir}; empty when there is none or it cannot be read. Blocking. */
  static Optional<SavedSession> read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    String openId = p.getProperty("openId", "").trim();
    String token = p.getProperty("token", "").trim();
    return openId.isEmpty() || token.isEmpty() ? Optional.empty()
        : Optional.of(new SavedSession(openId, token, Boolean.parseBoolean(p.getProperty("admin"))));
  }

  /** Keeps it in {@code dataDir}, replacing any earlier one. Blocking. */
  void save(Path dataDir) throws IOException {
    OwnerOnlyFile.write(dataDir.resolve(FILE), "openId=" + openId + "\ntoken=" + token + "\nadmin=" + admin + "\n");
  }

  /** Forgets the session saved in {@code dataDir}. Blocking. */
  static void delete(Path dataDir) throws IOException {
    Files.deleteIfExists(dataDir.resolve(FILE));
  }

  @Override
  public String toString() {
    return "SavedSession[openId=" + openId + ", admin=" + admin + "]"; // keeps the token out of logs
  }
}
