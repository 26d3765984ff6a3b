package dev.beacon.desktop.signin;

import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.AuthApi;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Session;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Signing in: automatically as the owner on the embedded server (from the credentials the server
 * wrote into its data folder), else with the form. A successful sign-in sets the context's client;
 * the credentials stay in memory only, to sign in again after the server restarts. FX thread.
 */
public final class SignInModel {
  private final ConsoleContext ctx;
  private final StringProperty account = new SimpleStringProperty(this, "account", "");
  private final StringProperty password = new SimpleStringProperty(this, "password", "");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private final StringProperty server = new SimpleStringProperty(this, "server", "");
  private final ReadOnlyBooleanWrapper formShown = new ReadOnlyBooleanWrapper(this, "formShown");
  private BeaconClient anonymous;
  /** The credentials of the last sign-in (volatile: {@link #begin} reads it off the FX thread). */
  private volatile OwnerCredentials remembered;
  private final AtomicReference<Early> early = new AtomicReference<>();
  /** The data folder whose saved session this sign-in uses or made (deleted on signing out). */
  private Path savedIn;

  public SignInModel(ConsoleContext ctx) {
    this.ctx = ctx;
  }

  /** The server to sign in to (a client not signed in); signs out of any earlier one. */
  public void serverReady(BeaconClient anonymous) {
    this.anonymous = anonymous;
    server.set(anonymous.base().toString());
    ctx.setClient(null);
  }

  /**
   * Begins {@link #auto}'s work as soon as the server answers, on the context's executor: called
   * from the thread that saw the server answer, before the FX thread hears of it, so that signing
   * in does not wait for the window (at launch the FX thread is busy with the first frame). The
   * next {@link #auto} for the same client and data folder takes this attempt's result instead of
   * making its own. May be called from any thread.
   */
  public void begin(BeaconClient anonymous, Path dataDir) {
    OwnerCredentials last = remembered;
    CompletableFuture<Attempt> attempt = new CompletableFuture<>();
    early.set(new Early(anonymous, dataDir, attempt));
    try {
      ctx.io().execute(() -> {
        try {
          attempt.complete(attempt(anonymous, last, dataDir));
        } catch (Throwable e) {
          attempt.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException closing) {
      early.set(null); // the console is closing
    }
  }

  /** An attempt {@link #begin} started for this client and data folder. */
  private record Early(BeaconClient client, Path dataDir, CompletableFuture<Attempt> attempt) {}

  /**
   * Signs in without asking: with the owner's session saved in {@code dataDir} when the server still
   * accepts it, else with the credentials used last (after a restart of the server) or the owner's
   * from {@code dataDir} (null for a remote server), saving the session they give; shows the form
   * when none works. Uses the attempt {@link #begin} made for this server, if any.
   */
  public void auto(Path dataDir) {
    BeaconClient c = anonymous;
    OwnerCredentials last = remembered;
    Early begun = early.getAndSet(null);
    if (begun != null && begun.client() == c && Objects.equals(begun.dataDir(), dataDir)) {
      CompletableFuture<Attempt> attempt = begun.attempt();
      if (attempt.isDone()) { // the usual case at launch: no second trip through the executor
        finish(attempt);
      } else {
        Background.run(ctx, () -> outcome(attempt), this::apply, busy, problem);
      }
      return;
    }
    Background.run(ctx, () -> attempt(c, last, dataDir), this::apply, busy, problem);
  }

  /** Applies a finished attempt: its result, or its failure as the problem. FX thread. */
  private void finish(CompletableFuture<Attempt> attempt) {
    Attempt a;
    try {
      a = outcome(attempt);
    } catch (Exception e) {
      problem.set(ApiError.text(e));
      return;
    }
    problem.set("");
    apply(a);
  }

  /** The attempt's result, waiting for it; its own failure rethrown as it was. */
  private static Attempt outcome(CompletableFuture<Attempt> attempt) throws Exception {
    try {
      return attempt.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The automatic sign-in's work, off the FX thread. */
  private static Attempt attempt(BeaconClient c, OwnerCredentials last, Path dataDir) throws ApiError, IOException {
    if (dataDir != null) {
      Optional<SavedSession> saved = SavedSession.read(dataDir);
      if (saved.isPresent()) {
        if (accepted(c.as(saved.get().session()))) {
          return new Attempt(null, saved.get().session(), "", dataDir);
        }
        SavedSession.delete(dataDir); // ended (signed out elsewhere, expired, another database)
      }
    }
    Optional<OwnerCredentials> creds = last != null ? Optional.of(last)
        : dataDir == null ? Optional.empty() : OwnerCredentials.read(dataDir);
    if (creds.isEmpty()) {
      return new Attempt(null, null, "", null);
    }
    Session session;
    try {
      session = c.login(creds.get().account(), creds.get().password());
    } catch (ApiError e) {
      if (e.code() == ApiError.UNREACHABLE) {
        throw e;
      }
      return new Attempt(creds.get(), null, "The saved owner password was not accepted (" + e.msg() + "); sign in.", null);
    }
    if (dataDir != null) {
      try {
        SavedSession.of(session).save(dataDir);
      } catch (IOException e) {
        // not kept: the next launch signs in with the password again
      }
    }
    return new Attempt(creds.get(), session, "", dataDir);
  }

  /** Signs in with what an attempt found, or shows the form with why not. FX thread. */
  private void apply(Attempt a) {
    if (a.session() != null) {
      savedIn = a.savedIn();
      signedIn(a.creds(), a.session());
    } else {
      if (a.creds() != null) {
        account.set(a.creds().account());
      }
      problem.set(a.why());
      formShown.set(true);
    }
  }

  /** Whether the server takes this client's token (a small authenticated read). */
  private static boolean accepted(BeaconClient signedIn) throws ApiError {
    try {
      signedIn.get(signedIn.userPath("app"), Map.of("pageSize", 1));
      return true;
    } catch (ApiError e) {
      if (e.code() == ApiError.UNREACHABLE) {
        throw e;
      }
      return false;
    }
  }

  private record Attempt(OwnerCredentials creds, Session session, String why, Path savedIn) {}

  /** Signs in with the form's account and password. */
  public void submit() {
    if (anonymous == null) {
      problem.set("The server is not running yet.");
      return;
    }
    if (account.get().isBlank() || password.get().isEmpty()) {
      problem.set("Enter the account and the password.");
      return;
    }
    OwnerCredentials creds = new OwnerCredentials(account.get().trim(), password.get());
    BeaconClient c = anonymous;
    Background.run(ctx, () -> c.login(creds.account(), creds.password()), s -> signedIn(creds, s), busy, problem);
  }

  private void signedIn(OwnerCredentials creds, Session s) {
    remembered = creds;
    password.set("");
    problem.set("");
    formShown.set(false);
    ctx.setClient(anonymous.as(s));
  }

  /** Signs out (the token ends on the server in the background) and shows the form. */
  public void signOut() {
    BeaconClient signedIn = ctx.client();
    Path saved = savedIn;
    savedIn = null;
    remembered = null;
    ctx.setClient(null);
    formShown.set(true);
    if (signedIn != null || saved != null) {
      ctx.io().execute(() -> {
        try {
          if (saved != null) {
            SavedSession.delete(saved);
          }
          if (signedIn != null) {
            AuthApi.logout(signedIn);
          }
        } catch (ApiError | IOException ignored) {
          // the token expires anyway
        }
      });
    }
  }

  public StringProperty accountProperty() { return account; }
  public StringProperty passwordProperty() { return password; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
  /** The URL of the server signed in to. */
  public StringProperty serverProperty() { return server; }
  /** Whether the form is to be shown (the automatic sign-in did not work, or signed out). */
  public ReadOnlyBooleanProperty formShownProperty() { return formShown.getReadOnlyProperty(); }
}
