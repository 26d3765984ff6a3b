package dev.beacon.api.auth;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.regex.Pattern;
import org.hibernate.Session;

/** Accounts and tokens. Password hashing runs on the db worker pool, outside any transaction. */
public final class AuthService {
  static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 200;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{4,19}$");

  private final ServerContext sc;
  private final Db db;
  private final LoginThrottle throttle;

  public AuthService(ServerContext sc) {
    this.sc = sc;
    this.db = sc.db();
    this.throttle = new LoginThrottle(sc.clock(), sc.db());
  }

  /** Verified against when an account is unknown, so both paths cost the same; made on first use. */
  private static final class UnknownAccount {
    static final String HASH = Passwords.hash(Passwords.generate(16));
  }

  /** The result of a sign-in. */
  public record Login(String openId, String token, boolean admin, Instant expiresAt) {}

  /**
   * Checks account and password; on success stores a new token and returns it. Failed attempts
   * from an address are throttled ({@link LoginThrottle}).
   */
  public Future<Login> login(String account, String password, String address) {
    return db.blocking(() -> {
      throttle.check(account, address);
      Account a = db.inJdbcTx(c -> findByAccount(c, account));
      // hash even for an unknown account, so timing does not tell which accounts exist (except the
      // first admin's with its generated password, checked with a SHA-256: see Passwords)
      boolean ok = Passwords.verify(password, a != null ? a.passwordHash() : UnknownAccount.HASH) && a != null;
      if (!ok) {
        throttle.failed(account, address);
        throw ApiException.authFailed("wrong account or password");
      }
      String token = Tokens.newToken();
      Instant now = sc.now();
      AuthToken t = new AuthToken();
      t.tokenHash = Tokens.hash(token);
      t.openId = a.openId();
      t.createdAt = now;
      t.expiresAt = now.plus(sc.config().tokenTtl());
      db.inTx(s -> {
        s.persist(t);
        return null;
      });
      return new Login(a.openId(), token, a.admin(), t.expiresAt);
    });
  }

  /** The principal for a token and openId pair, or a 4001. */
  public Principal authenticate(Session s, String token, String openId) {
    AuthToken t = s.find(AuthToken.class, Tokens.hash(token));
    if (t == null || !t.openId.equals(openId)) {
      throw ApiException.authFailed("the token is not valid for this openId; sign in again");
    }
    if (!t.expiresAt.isAfter(sc.now())) {
      s.remove(t);
      throw ApiException.authFailed("the token has expired; sign in again");
    }
    Developer d = s.find(Developer.class, openId);
    if (d == null) {
      throw ApiException.authFailed("the account no longer exists");
    }
    return new Principal(d.openId, d.isAdmin(), d.internal);
  }

  /** Deletes the token if it belongs to the openId; answers whether one was deleted. */
  public boolean logout(Session s, String token, String openId) {
    AuthToken t = s.find(AuthToken.class, Tokens.hash(token));
    if (t == null || !t.openId.equals(openId)) {
      return false;
    }
    s.remove(t);
    return true;
  }

  /** Creates a developer account ({@code type} email or phone). */
  public Future<Developer> register(String type, String account, String password, boolean admin) {
    checkAccount(type, account);
    checkPassword(password);
    return db.blocking(() -> {
      String hash = Passwords.hash(password);
      return db.inTx(s -> {
        if (s.doReturningWork(c -> findByAccount(c, account)) != null) { // in this transaction
          throw ApiException.rule("an account named '" + account + "' already exists");
        }
        return create(s, account, type, hash, admin ? Developer.ROLE_ADMIN : Developer.ROLE_DEVELOPER);
      });
    });
  }

  Developer create(Session s, String account, String type, String passwordHash, String role) {
    Developer d = new Developer();
    d.openId = Ids.randomHex(8);
    d.account = account;
    d.accountType = type;
    d.passwordHash = passwordHash;
    d.role = role;
    d.createdAt = sc.now();
    d.updatedAt = d.createdAt;
    s.persist(d);
    return d;
  }

  /** What a sign-in needs of an account: who it is, its password's hash, and whether it is an admin. */
  record Account(String openId, String passwordHash, boolean admin) {}

  /**
   * The account of this name, whatever its case, or {@code null}; read with plain JDBC (sign-in
   * and registration alike): the console signs in as soon as its server answers,
   * when Hibernate's query engine is still cold (its first query took 120-150 ms then, on two
   * cores, against 3 ms warm); this query needs none of it.
   */
  static Account findByAccount(Connection c, String account) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT open_id, password_hash, role FROM developer WHERE LOWER(account) = LOWER(?)")) {
      ps.setString(1, account.trim());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Account(rs.getString(1), rs.getString(2), Developer.ROLE_ADMIN.equals(rs.getString(3))) : null;
      }
    }
  }

  static void checkAccount(String type, String account) {
    if (!"email".equals(type) && !"phone".equals(type)) {
      throw ApiException.badParameter("type must be email or phone");
    }
    if ("email".equals(type) && !EMAIL.matcher(account).matches()) {
      throw ApiException.badParameter("account must be an email address when type is email");
    }
    if ("phone".equals(type) && !PHONE.matcher(account).matches()) {
      throw ApiException.badParameter("account must be a phone number when type is phone");
    }
  }

  static void checkPassword(String password) {
    if (password.length() < MIN_PASSWORD) {
      throw ApiException.badParameter("password must have at least " + MIN_PASSWORD + " characters");
    }
    if (password.length() > MAX_PASSWORD) {
      throw ApiException.badParameter("password must have at most " + MAX_PASSWORD + " characters");
    }
    if (CommonPasswords.contains(password)) {
      throw ApiException.badParameter("password is one of the most common passwords; choose another");
    }
  }
}
