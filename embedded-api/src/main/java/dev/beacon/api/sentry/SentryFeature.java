package dev.beacon.api.sentry;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.errors.ErrorsFeature;
import dev.beacon.api.telemetry.Installs;

/**
 * Sentry-compatible ingestion: apps that use an official Sentry SDK report into Beacon by pointing
 * its DSN (the app's {@code dsn}) here. {@code POST /api/{projectId}/envelope/} and the legacy
 * {@code POST /api/{projectId}/store/} ({@link SentryIngest}) turn events into Beacon issues through
 * the errors feature, sessions into release health ({@link Sessions},
 * {@link ReleaseHealthRoutes}) and machines active in the usage analytics. Answers are in Sentry's
 * shape ({@link SentryAnswers}), including the server's rate limits (429 with
 * {@code X-Sentry-Rate-Limits}). Mount it after the errors and telemetry features it uses.
 */
public final class SentryFeature implements Feature {
  private final ErrorsFeature errors;
  private final Installs installs;
  private final SessionHealth sessionHealth = new SessionHealth();

  public SentryFeature(ErrorsFeature errors, Installs installs) {
    this.errors = errors;
    this.installs = installs;
  }

  /** What release health reads of Sentry sessions. */
  public SessionHealth sessionHealth() {
    return sessionHealth;
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    // declared without the trailing slash the SDKs send, so that both forms are served
    SentryIngest ingest = new SentryIngest(ctx, errors.intake(), new Sessions(ctx.db()), installs);
    routes.post("/api/:projectId/envelope").streamedBody().failures(SentryAnswers::failed).client(SentryAuth::keyOf, ingest::envelope);
    routes.post("/api/:projectId/store").streamedBody().failures(SentryAnswers::failed).client(SentryAuth::keyOf, ingest::store);
    new ReleaseHealthRoutes(ctx).mount(routes);
  }
}
