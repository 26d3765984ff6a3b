package dev.beacon.desktop.signin;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.TempDirs;
import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveServer;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.ConsoleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing in against the real server, without a stage: the owner's file, the form, signing out. */
class SignInModelTest {

  private static Path ownerFile(String account, String password) throws Exception {
    Path dir = TempDirs.create("beacon-signin-");
    Files.writeString(dir.resolve(OwnerCredentials.FILE), "account=" + account + "\npassword=" + password + "\n");
    return dir;
  }

  @Test
  void signsInAsTheOwnerFromTheDataFolder() throws Exception {
    ConsoleContext ctx = Models.signedOut();
    SignInModel m = call(() -> new SignInModel(ctx));
    LiveServer server = Models.server();
    run(() -> m.serverReady(server.anonymous()));
    assertEquals(server.url().toString(), m.serverProperty().get());
    Path dir = ownerFile(LiveServer.ADMIN, LiveServer.ADMIN_PASSWORD);
    try {
      run(() -> m.auto(dir));
    } finally {
      TempDirs.delete(dir);
    }
    assertTrue(ctx.admin(), "signed in as the owner: " + m.problemProperty().get());
    assertFalse(m.formShownProperty().get());

    // after a restart of the server, the same credentials again, from memory
    run(() -> m.serverReady(server.anonymous()));
    assertNull(ctx.client());
    run(() -> m.auto(null));
    assertTrue(ctx.admin());
  }

  @Test
  void aWrongSavedPasswordShowsTheFormAndTheFormSignsIn() throws Exception {
    ConsoleContext ctx = Models.signedOut();
    SignInModel m = call(() -> new SignInModel(ctx));
    run(m::submit);
    assertEquals("The server is not running yet.", m.problemProperty().get());
    LiveServer server = Models.server();
    run(() -> m.serverReady(server.anonymous()));
    Path dir = ownerFile(LiveServer.ADMIN, "not-the-password");
    try {
      run(() -> m.auto(dir));
    } finally {
      TempDirs.delete(dir);
    }
    assertNull(ctx.client());
    assertTrue(m.formShownProperty().get());
    assertEquals(LiveServer.ADMIN, m.accountProperty().get(), "the account is filled in");
    assertTrue(m.problemProperty().get().startsWith("The saved owner password was not accepted"), m.problemProperty().get());

    run(m::submit);
    assertEquals("Enter the account and the password.", m.problemProperty().get());
    run(() -> {
      m.passwordProperty().set("still-wrong");
      m.submit();
    });
    assertNull(ctx.client());
    assertFalse(m.problemProperty().get().isEmpty());
    run(() -> {
      m.passwordProperty().set(LiveServer.ADMIN_PASSWORD);
      m.submit();
    });
    assertTrue(ctx.admin());
    assertEquals("", m.passwordProperty().get(), "the password does not stay in the form");
    assertEquals("", m.problemProperty().get());

    BeaconClient signedIn = ctx.client();
    signedIn.get("v1/questions", Map.of());
    run(m::signOut);
    assertNull(ctx.client());
    assertTrue(m.formShownProperty().get());
    ApiError ended = assertThrows(ApiError.class, () -> signedIn.post("v1/user/" + signedIn.openId() + "/questions",
        new io.vertx.core.json.JsonObject().put("questionContext", "after sign-out?")));
    assertEquals(4001, ended.code(), "the token ended on the server");
  }

  @Test
  void theOwnersSessionIsSavedAndTheNextLaunchSignsInWithItWithoutThePassword() throws Exception {
    LiveServer server = Models.server();
    Path dir = ownerFile(LiveServer.ADMIN, LiveServer.ADMIN_PASSWORD);
    try {
      ConsoleContext first = Models.signedOut();
      SignInModel launch1 = call(() -> new SignInModel(first));
      run(() -> launch1.serverReady(server.anonymous()));
      run(() -> launch1.auto(dir));
      assertTrue(first.admin(), launch1.problemProperty().get());
      Path saved = dir.resolve(SavedSession.FILE);
      assertTrue(Files.exists(saved), "the owner's session is kept for the next launch");
      if (saved.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(saved));
      }
      String token = first.client().session().token();

      // the next launch signs in with it: the password beside it is not even read (here it is wrong)
      Files.writeString(dir.resolve(OwnerCredentials.FILE), "account=" + LiveServer.ADMIN + "\npassword=not-the-password\n");
      ConsoleContext next = Models.signedOut();
      SignInModel launch2 = call(() -> new SignInModel(next));
      run(() -> launch2.serverReady(server.anonymous()));
      run(() -> launch2.auto(dir));
      assertTrue(next.admin(), launch2.problemProperty().get());
      assertEquals(token, next.client().session().token(), "the saved session, not a new sign-in");

      // signing out ends the token and forgets it
      BeaconClient signedIn = next.client();
      run(launch2::signOut);
      assertFalse(Files.exists(saved));
      assertTrue(Models.fails(4001, () -> signedIn.get(signedIn.userPath("app"), Map.of())), "the token ended on the server");
    } finally {
      TempDirs.delete(dir);
    }
  }

  @Test
  void aSavedSessionTheServerNoLongerTakesFallsBackToThePasswordAndIsReplaced() throws Exception {
    LiveServer server = Models.server();
    Path dir = ownerFile(LiveServer.ADMIN, LiveServer.ADMIN_PASSWORD);
    try {
      Files.writeString(dir.resolve(SavedSession.FILE), "openId=0123456789abcdef\ntoken=not-a-token\nadmin=true\n");
      ConsoleContext ctx = Models.signedOut();
      SignInModel m = call(() -> new SignInModel(ctx));
      run(() -> m.serverReady(server.anonymous()));
      run(() -> m.auto(dir));
      assertTrue(ctx.admin(), m.problemProperty().get());
      SavedSession now = SavedSession.read(dir).orElseThrow();
      assertEquals(ctx.client().session().token(), now.token(), "the new session replaced the ended one");
      assertEquals(ctx.client().openId(), now.openId());
    } finally {
      TempDirs.delete(dir);
    }
  }

  @Test
  void anAttemptBegunWhenTheServerAnsweredIsTheOneTheSignInUses() throws Exception {
    LiveServer server = Models.server();
    Path dir = ownerFile(LiveServer.ADMIN, LiveServer.ADMIN_PASSWORD);
    try {
      ConsoleContext ctx = Models.signedOut();
      SignInModel m = call(() -> new SignInModel(ctx));
      BeaconClient anonymous = server.anonymous();
      m.begin(anonymous, dir); // off the FX thread, as the start task calls it
      // what the attempt read is gone by the time the window hears of the server: only the begun attempt can sign in
      Files.delete(dir.resolve(OwnerCredentials.FILE));
      Files.deleteIfExists(dir.resolve(SavedSession.FILE));
      run(() -> m.serverReady(anonymous));
      run(() -> m.auto(dir));
      assertTrue(ctx.admin(), "signed in by the begun attempt: " + m.problemProperty().get());
      assertFalse(m.formShownProperty().get());

      // an attempt begun for another server is not used: this sign-in makes its own
      ConsoleContext other = Models.signedOut();
      SignInModel m2 = call(() -> new SignInModel(other));
      m2.begin(server.anonymous(), dir); // finds nothing in the folder: it would show the form
      Files.deleteIfExists(dir.resolve(SavedSession.FILE));
      Files.writeString(dir.resolve(OwnerCredentials.FILE), "account=" + LiveServer.ADMIN + "\npassword=" + LiveServer.ADMIN_PASSWORD + "\n");
      BeaconClient another = server.anonymous();
      run(() -> m2.serverReady(another));
      run(() -> m2.auto(dir));
      assertTrue(other.admin(), "its own attempt read the owner's file: " + m2.problemProperty().get());
    } finally {
      TempDirs.delete(dir);
    }
  }
}
