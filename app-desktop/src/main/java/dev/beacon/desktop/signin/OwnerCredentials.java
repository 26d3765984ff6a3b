package dev.beacon.desktop.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The owner's account and password for the automatic sign-in to the embedded server: the file the
 * server writes on its first start, {@code DATA/admin-credentials.txt} (readable by the owner
 * only). Missing when the admin was created another way (then the console asks).
 */
public record OwnerCredentials(String account, String password) {
  public static final String FILE = "admin-credentials.txt";

  /** Reads the file in {@code dataDir}; empty when it is missing or incomplete. Blocking. */
  public static Optional<OwnerCredentials> read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String account = null;
    String password = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String k = line.substring(0, eq).trim();
      String v = line.substring(eq + 1);
      if (k.equals("account")) {
        account = v.trim();
      } else if (k.equals("password")) {
        password = v;
      }
    }
    return account == null || password == null || account.isEmpty() ? Optional.empty()
        : Optional.of(new OwnerCredentials(account, password));
  }

  @Override
  public String toString() {
    return "OwnerCredentials[" + account + "]";
  }
}
