package dev.beacon.api.auth;

import dev.beacon.api.core.Config;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the admin account on the first start: from the configured account and password
 * ({@code BEACON_ADMIN_ACCOUNT} / {@code BEACON_ADMIN_PASSWORD}) or else with a generated password
 * written to {@code DATA/admin-credentials.txt}, readable by the owner only. No default password
 * exists.
 *
 * <p>The server listens without waiting for the account: {@link #ensureAdmin} writes and shows the
 * credentials at once and answers a future that ends when the account is stored, which sign-in and
 * registration wait for ({@link AuthFeature}), so no answer is wrong in the meantime. It is stored
 * once the server listens: a generated password is hashed in a microsecond
 * ({@link Passwords#hashGenerated}), but a configured one takes PBKDF2's second of one core, which
 * beside the start took the start's CPU on two cores.
 */
public final class AdminBootstrap {
  public static final String CREDENTIALS_FILE = "admin-credentials.txt";
  public static final String DEFAULT_ACCOUNT = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

  private final Config config;
  private final String password;
  private final boolean generated;

  private AdminBootstrap(Config config, String password, boolean generated) {
    this.config = config;
    this.password = password;
    this.generated = generated;
  }

  /** The admin's password chosen: the configured one, or else a generated one. */
  static AdminBootstrap prepare(Config config) {
    boolean generated = config.adminPassword() == null || config.adminPassword().isEmpty();
    return new AdminBootstrap(config, generated ? Passwords.generate(Passwords.GENERATED_LENGTH) : config.adminPassword(), generated);
  }

  /**
   * Blocking; runs once while the server starts, before it takes requests. The credentials of a new
   * admin are written and shown before it returns; the account itself is stored once its password is
   * hashed, off the event loop, when the answered future ends (at once when an admin exists).
   */
  Future<Void> ensureAdmin(AuthService auth, ServerContext ctx) throws IOException, SQLException {
    Db db = ctx.db();
    String account = config.adminAccount() == null || config.adminAccount().isBlank()
        ? DEFAULT_ACCOUNT : config.adminAccount().trim();
    // plain JDBC: Hibernate's first query (its query engine warming up) need not delay the start
    Existing existing = db.inJdbcTx(c -> Existing.read(c, account));
    if (existing == Existing.ADMIN) {
      return Future.succeededFuture();
    }
    if (!generated) {
      AuthService.checkPassword(password);
    }
    if (existing == Existing.NAME_TAKEN) {
      throw new IllegalStateException("the admin account '" + account + "' cannot be created: a developer account of that name"
          + " exists; set BEACON_ADMIN_ACCOUNT to another name");
    }
    if (generated) {
      Path file = config.dataDir().resolve(CREDENTIALS_FILE);
      writeOwnerOnly(file, "account=" + account + "\npassword=" + password + "\n");
      if (!config.quiet()) {
        System.out.println("Beacon created the admin account '" + account + "' with the password " + password);
        System.out.println("It is also in " + file + " (readable by you only). This is shown once.");
      }
    }
    // a start that fails stores nothing (it says why itself); the next start makes the account
    return ctx.listening().compose(v -> store(auth, db, account, ctx));
  }

  /** Hashes the password and stores the account, off the event loop. */
  private Future<Void> store(AuthService auth, Db db, String account, ServerContext ctx) {
    Future<Void> stored = ctx.vertx().<String>executeBlocking(this::hashed, false)
        .compose(hashed -> db.tx(s -> auth.create(s, account, "account", hashed, Developer.ROLE_ADMIN))
            .mapEmpty());
    return stored.onSuccess(v -> {
      if (!generated) {
        LOG.info("created the admin account '{}' from the configured credentials", account);
      }
    }).onFailure(e -> LOG.error("could not create the admin account '{}'", account, e));
  }

  /** What the database already holds: an admin, another account of the admin's name, or neither. */
  private enum Existing {
    ADMIN, NAME_TAKEN, NONE;

    static Existing read(Connection c, String account) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT role FROM developer WHERE role = ? OR LOWER(account) = LOWER(?)")) {
        ps.setString(1, Developer.ROLE_ADMIN);
        ps.setString(2, account);
        Existing found = NONE;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (Developer.ROLE_ADMIN.equals(rs.getString(1))) {
              return ADMIN;
            }
            found = NAME_TAKEN;
          }
        }
        return found;
      }
    }
  }

  private String hashed() {
    return generated ? Passwords.hashGenerated(password) : Passwords.hash(password);
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
