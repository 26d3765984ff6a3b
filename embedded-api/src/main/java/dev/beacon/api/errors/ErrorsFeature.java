package dev.beacon.api.errors;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.DataFolder;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.RateLimiter;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.shared.MachineHash;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error store and its doors: family A's {@code POST /api/v1/error/report}, family B's
 * {@code POST /v1/logs}, the developer's {@code GET /v1/user/{openId}/logs} over both, and the
 * issues the events are grouped into ({@link IssueRoutes}); other features hand it structured
 * events (Sentry) through {@link #intake()}. How each request maps onto the stored
 * columns is described on {@link ErrorEvent}, how events are grouped on {@link Fingerprint}.
 *
 * <p>The two ingest routes take bodies up to {@link dev.beacon.api.core.Config#errorBodyLimit()}
 * (long stacks are cut on storage, and counted) and are rate limited per app key (429 with
 * {@code Retry-After}, before any database work).
 */
public final class ErrorsFeature implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorsFeature.class);
  private static final String REPORT_PATH = "/api/v1/error/report";
  private static final String LOG_PATH = "/v1/logs";
  private static final int MAX_APP_KEY = 64;
  private static final int MAX_APP_ID = 64;

  private ServerContext sc;
  private RateLimiter limiter;
  private ErrorRetention retention;
  private ErrorIngest ingest;
  private EventIntake intake;
  private final List<IssueListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final VersionErrors versionErrors = new VersionErrors();

  /** What release health reads of errors, per app version. */
  public VersionErrors versionErrors() {
    return versionErrors;
  }

  @Override
  public List<Class<?>> entities() {
    return List.of(ErrorEvent.class, ErrorIssue.class, IssueVersion.class, IssueDay.class, IssueMachine.class,
        IssueEnvironment.class, ErrorAttachment.class, VersionMachine.class);
  }

  @Override
  public List<DataFolder> dataFolders() {
    return List.of(DataFolder.afterDatabase(Attachments.FOLDER));
  }

  /**
   * The door for structured events (Sentry), sharing this feature's store, grouping and error rate
   * limit; available once the server has mounted the feature.
   */
  public EventIntake intake() {
    if (intake == null) {
      throw new IllegalStateException("the errors feature is not mounted yet: mount it before the features that use its intake");
    }
    return intake;
  }

  /**
   * Lets {@code listener} see every error event stored from now on, inside the ingest transaction
   * (alerts write their outbox there).
   */
  public void listen(IssueListener listener) {
    listeners.add(listener);
  }

  @Override
  public void start(ServerContext ctx) throws SQLException {
    long grouped = IssueBackfill.run(ctx.db());
    if (grouped > 0) {
      LOG.info("grouped {} error events stored before issues existed", grouped);
    }
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    this.sc = ctx;
    this.limiter = new RateLimiter(ctx.config().errorRate(), ctx.config().errorBurst());
    Attachments attachments = new Attachments(ctx.config().dataDir());
    this.ingest = new ErrorIngest(ctx.db(), attachments, listeners);
    this.intake = new EventIntake(ingest, attachments, limiter);
    routes.post(REPORT_PATH).bodyLimit(ctx.config().errorBodyLimit()).client("app_key", this::report);
    routes.post(LOG_PATH).bodyLimit(ctx.config().errorBodyLimit()).client("appKey", this::log);
    routes.get("/v1/user/:openId/logs").developer(this::list);
    new IssueRoutes(ctx, attachments).mount(routes);
    this.retention = new ErrorRetention(ctx, attachments);
    retention.start();
  }

  @Override
  public void stop(ServerContext ctx) {
    if (retention != null) {
      retention.stop();
    }
  }

  private void report(RoutingContext ctx) {
    Http.reply(ctx, body(ctx).compose(b -> {
      String appKey = b.requiredString("app_key", MAX_APP_KEY);
      String machineId = b.requiredString("machine_id", ErrorEvent.MAX_MACHINE_ID).trim();
      String version = b.requiredString("software_version", ErrorEvent.MAX_APP_VERSION).trim();
      String type = Body.truncate(b.requiredString("error_type", Integer.MAX_VALUE).trim(), ErrorEvent.MAX_TYPE);
      String message = text(b, "error_message", ErrorEvent.MAX_MESSAGE);
      String stack = b.optionalString("error_stack", Integer.MAX_VALUE);
      String osInfo = text(b, "os_info", ErrorEvent.MAX_OS_INFO);
      limit(ctx, appKey);
      // worked out here unless the stack is long, so that the database thread only stores
      Fingerprint fingerprint = stack == null || stack.length() <= Fingerprint.INLINE_TEXT
          ? Fingerprint.ofReport(type, message, stack) : null;
      return ingest.add(ErrorIngest.AppRef.byKey(appKey), (app, e) -> {
        e.source = ErrorEvent.REPORT;
        e.errorType = type;
        e.message = message;
        e.stack = Body.truncate(stack, ErrorEvent.MAX_STACK);
        e.osInfo = osInfo;
        e.appVersion = version;
        e.machineId = MachineHash.of(app.secret, machineId);
      }, fingerprint, stack, sc.now());
    }).map(e -> new JsonObject()
        .put("code", 200)
        .put("message", "错误上报成功")
        .put("data", new JsonObject().put("recorded", true).put("id", e.id).put("issueId", e.issueId))));
  }

  private void log(RoutingContext ctx) {
    Http.reply(ctx, body(ctx).compose(b -> {
      String appId = b.requiredString("appId", MAX_APP_ID).trim();
      String appKey = b.requiredString("appKey", MAX_APP_KEY);
      String appVersion = b.requiredString("appVersion", ErrorEvent.MAX_APP_VERSION).trim();
      String deviceId = b.requiredString("deviceId", ErrorEvent.MAX_MACHINE_ID).trim();
      String appPackage = b.requiredString("appPackage", ErrorEvent.MAX_APP_PACKAGE).trim();
      String context = b.textOrLines("context", ErrorEvent.MAX_MESSAGE);
      if (context == null || context.isBlank()) {
        throw ApiException.badParameter("context is required");
      }
      limit(ctx, appKey);
      Fingerprint fingerprint = context.length() <= Fingerprint.INLINE_TEXT ? Fingerprint.ofContext(context) : null;
      return ingest.add(ErrorIngest.AppRef.byId(appId, appKey), (app, e) -> {
        e.source = ErrorEvent.LOG;
        e.errorType = Body.truncate(Fingerprint.firstLine(context), ErrorEvent.MAX_TYPE);
        e.message = context;
        e.appVersion = appVersion;
        e.machineId = MachineHash.of(app.secret, deviceId);
        e.deviceId = deviceId;
        e.appPackage = appPackage;
      }, fingerprint, null, sc.now());
    }).map(e -> Http.ok()));
  }

  private void list(RoutingContext ctx) {
    ErrorLogQuery query = ErrorLogQuery.of(Principal.of(ctx).openId(), Params.of(ctx));
    Http.reply(ctx, sc.db().tx(query::run).map(page -> Http.ok()
        .put("totalCount", page.totalCount())
        .put("errlogList", new JsonArray(page.items().stream().map(ErrorEvent::json).toList()))));
  }

  /**
   * The request's JSON. A body over the server-wide limit (these routes take more) is decoded on
   * a worker thread, so that megabytes of stack never hold up an event loop.
   */
  private Future<Body> body(RoutingContext ctx) {
    if (ctx.body().length() <= sc.config().jsonBodyLimit()) {
      return Future.succeededFuture(Body.of(ctx));
    }
    return sc.vertx().executeBlocking(() -> Body.of(ctx), false);
  }

  /** Spends one of the app key's tokens, or answers 429 with {@code Retry-After}. */
  private void limit(RoutingContext ctx, String appKey) {
    long wait = limiter.acquire(appKey.trim());
    if (wait > 0) {
      throw new ApiException(ApiException.RATE_LIMITED,
          "too many errors sent with this app key (the limit is " + limiter.describe() + "); retry in " + wait + " s")
          .retryAfterSeconds(wait);
    }
  }

  /** An optional text field, cut to the column size rather than refused. */
  private static String text(Body b, String field, int max) {
    return Body.truncate(b.optionalString(field, Integer.MAX_VALUE), max);
  }
}
