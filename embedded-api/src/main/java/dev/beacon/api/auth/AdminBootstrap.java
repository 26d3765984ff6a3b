package dev.beacon.api.auth;

import dev.beacon.api.core.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the admin account on the first start: from the configured account and password
 * ({@code BEACON_ADMIN_ACCOUNT} / {@code BEACON_ADMIN_PASSWORD}) or else with a generated password
 * written to {@code DATA/admin-credentials.txt}, readable by the owner only. No default password
 * exists.
 */
public final class AdminBootstrap {
  public static final String CREDENTIALS_FILE = "admin-credentials.txt";
  public static final String DEFAULT_ACCOUNT = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

  private AdminBootstrap() {}

  /** Blocking; runs once while the server starts. */
  static void ensureAdmin(AuthService auth, dev.beacon.api.core.Db db, Config config) throws IOException {
    if (db.inTx(AuthService::adminExists)) {
      return;
    }
    String account = config.adminAccount() == null || config.adminAccount().isBlank()
        ? DEFAULT_ACCOUNT : config.adminAccount().trim();
    boolean generated = config.adminPassword() == null || config.adminPassword().isEmpty();
    String password = generated ? Passwords.generate(20) : config.adminPassword();
    if (!generated) {
      AuthService.checkPassword(password);
    }
    String hash = Passwords.hash(password);
    db.inTx(s -> auth.create(s, account, "account", hash, Developer.ROLE_ADMIN));
    if (generated) {
      Path file = config.dataDir().resolve(CREDENTIALS_FILE);
      writeOwnerOnly(file, "account=" + account + "\npassword=" + password + "\n");
      if (!config.quiet()) {
        System.out.println("Beacon created the admin account '" + account + "' with the password " + password);
        System.out.println("It is also in " + file + " (readable by you only). This is shown once.");
      }
    } else {
      LOG.info("created the admin account '{}' from the configured credentials", account);
    }
  }

  /** Writes a secret file that only its owner can read (POSIX), replacing any earlier one. */
  public static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
      tmp.toFile().setReadable(false, false);
      tmp.toFile().setReadable(true, true);
    }
    Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
