package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** The sign-in routes beyond {@link BeaconClient#login}. Blocking. */
public final class AuthApi {
  private AuthApi() {}

  /** {@code POST /v1/auth/logout}: ends the session's token on the server. */
  public static void logout(BeaconClient signedIn) throws ApiError {
    signedIn.post("v1/auth/logout", new JsonObject());
  }
}
