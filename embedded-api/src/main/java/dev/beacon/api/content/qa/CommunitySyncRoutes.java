package dev.beacon.api.content.qa;

import dev.beacon.api.auth.AuthService;
import dev.beacon.api.auth.Developer;
import dev.beacon.api.auth.Passwords;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import io.vertx.ext.web.RoutingContext;

/**
 * The seed's account sync into the Q&A community: {@code POST /v1/user/} (join) and
 * {@code PUT /v1/user/} (after a password change). They authenticate by the {@code token} and
 * {@code openId} in the body, as the seed shows (the auth guard lets exactly this path through),
 * and the {@code password} must be the account's current one. The community uses the Beacon
 * account itself, so no password is copied anywhere. Answers carry both {@code msg} and
 * {@code message}.
 */
final class CommunitySyncRoutes {
  private static final int TOKEN_MAX = 256;
  private static final int OPEN_ID_MAX = 64;
  private static final int PASSWORD_MAX = 200;

  private final Db db;
  private final QaService qa;
  private final AuthService auth;

  CommunitySyncRoutes(Db db, QaService qa, AuthService auth) {
    this.db = db;
    this.qa = qa;
    this.auth = auth;
  }

  void mount(Routes routes) {
    routes.post("/v1/user/").open(ctx -> sync(ctx, true));
    routes.put("/v1/user/").open(ctx -> sync(ctx, false));
  }

  private void sync(RoutingContext ctx, boolean join) {
    Body b = Body.of(ctx);
    String type = b.requiredString("type", 16).trim().toLowerCase();
    if (!type.equals("email") && !type.equals("phone")) {
      throw ApiException.badParameter("type must be email or phone, got '" + type + "'");
    }
    String token = b.requiredString("token", TOKEN_MAX).trim();
    String openId = b.requiredString("openId", OPEN_ID_MAX).trim();
    String password = b.requiredString("password", PASSWORD_MAX);
    // the password check is a slow hash: on the db worker, between two short transactions
    Http.reply(ctx, db.blocking(() -> {
      String hash = db.inTx(s -> {
        auth.authenticate(s, token, openId);
        return s.find(Developer.class, openId).passwordHash;
      });
      if (!Passwords.verify(password, hash)) {
        throw ApiException.authFailed("password is not the current password of openId " + openId);
      }
      boolean wasMember = db.inTx(s -> {
        if (join) {
          return qa.join(s, openId);
        }
        qa.sync(s, openId);
        return true;
      });
      return Http.okWithMessage().put("openId", openId).put("alreadyMember", wasMember);
    }));
  }
}
