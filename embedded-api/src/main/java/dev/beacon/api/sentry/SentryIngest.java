package dev.beacon.api.sentry;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.core.StreamedBody;
import dev.beacon.api.errors.EventIntake;
import dev.beacon.api.errors.StructuredEvent;
import dev.beacon.api.telemetry.Installs;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ingest routes, {@code POST /api/{projectId}/envelope/} and the legacy
 * {@code POST /api/{projectId}/store/}. For each request:
 * <ol>
 *   <li>a key in {@code X-Sentry-Auth} or {@code ?sentry_key=} is checked before the body is
 *       read (401 unknown, 403 another project's or a frozen app's), known keys from memory
 *       ({@link SentryKeys});
 *   <li>the body (chunked or not) is taken up to 20 MiB as sent (413 past it, and the rest is not
 *       read);
 *   <li>it is decompressed as it is read ({@link Decoding}, 100 MiB at most) and parsed item by
 *       item ({@link EnvelopeReader}), on a worker thread, or on the event loop when it is small
 *       and holds no attachment ({@link #parse}); attachments stream to files; unknown item types
 *       are skipped; without a key so far, the envelope header's {@code dsn} gives it;
 *   <li>the event goes to the errors' {@link EventIntake} (deduplicated by its id, grouped, the
 *       error rate limit per key) and the sessions to {@link Sessions}, both committed before the
 *       answer {@code 200 {"id": event_id}}; the sessions' machines are then counted active.
 * </ol>
 */
final class SentryIngest {
  private static final Logger LOG = LoggerFactory.getLogger(SentryIngest.class);
  private static final Pattern PROJECT_ID = Pattern.compile("\\d{1,9}");
  private static final Pattern LENGTH = Pattern.compile("\\d{1,18}");
  /** Item types that are read and dropped on purpose; any other unknown type is skipped too. */
  static final Set<String> IGNORED = Set.of("transaction", "client_report", "user_report", "feedback", "check_in",
      "profile", "profile_chunk", "replay_event", "replay_recording", "replay_video", "span", "log", "otel_log", "statsd",
      "metric_buckets", "security", "unreal_report", "form_data", "raw_security", "nel");

  /** Bodies up to this size as sent are read on the event loop first ({@link #parse}), ... */
  static final int INLINE_BODY = 16 * 1024;
  /** ... as long as they inflate to no more than this and hold no attachment. */
  static final long INLINE_DECODED = 256 * 1024;

  private final ServerContext sc;
  private final EventIntake intake;
  private final Sessions sessions;
  private final Installs installs;
  private final SentryKeys keys;
  private final Limits limits;

  SentryIngest(ServerContext sc, EventIntake intake, Sessions sessions, Installs installs, SentryKeys keys) {
    this.sc = sc;
    this.intake = intake;
    this.sessions = sessions;
    this.installs = installs;
    this.keys = keys;
    this.limits = Limits.of(sc.config().attachmentLimit());
  }

  /** What a body held. */
  private record Parsed(String key, String eventId, StructuredEvent event, List<StructuredEvent.Attachment> strayFiles,
      List<JsonObject> updates, List<Sessions.Aggregate> aggregates) {}

  void envelope(RoutingContext ctx) {
    handle(ctx, true);
  }

  void store(RoutingContext ctx) {
    handle(ctx, false);
  }

  private void handle(RoutingContext ctx, boolean envelope) {
    String projectId = ctx.pathParam("projectId");
    if (projectId == null || !PROJECT_ID.matcher(projectId).matches()) {
      ctx.fail(SentryAnswers.bad("the project id in the path must be the number of the DSN, got '" + projectId + "'"));
      return;
    }
    String declared = ctx.request().getHeader("Content-Length");
    if (declared != null && LENGTH.matcher(declared).matches() && Long.parseLong(declared) > limits.compressed()) {
      ctx.fail(SentryAnswers.tooLarge("the body is " + declared + " bytes; the limit is " + Limits.mib(limits.compressed())));
      return;
    }
    String headerKey = SentryAuth.keyOf(ctx);
    String encoding = ctx.request().getHeader("Content-Encoding");
    Instant now = sc.now();
    Future<Void> early = headerKey == null ? Future.succeededFuture() : keys.check(projectId, headerKey);
    early.compose(v -> readBody(ctx))
        .compose(body -> parse(body, envelope, encoding, headerKey, now))
        .compose(parsed -> commit(projectId, parsed, now))
        .onSuccess(id -> SentryAnswers.ok(ctx, id))
        .onFailure(ctx::fail);
  }

  /** The body as sent, at most the compressed limit. */
  private Future<Buffer> readBody(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    Promise<Buffer> done = Promise.promise();
    Buffer body = Buffer.buffer();
    req.handler(chunk -> {
      if (done.future().isComplete()) {
        return;
      }
      if ((long) body.length() + chunk.length() > limits.compressed()) {
        done.tryFail(SentryAnswers.tooLarge("the body is larger than " + Limits.mib(limits.compressed()) + " as sent"));
        return;
      }
      body.appendBuffer(chunk);
    });
    req.exceptionHandler(done::tryFail);
    req.endHandler(v -> done.tryComplete(body));
    StreamedBody.proceed(ctx);
    return done.future();
  }

  /**
   * Reads a body: a small one (an SDK's event, as most are) right here on the event loop, which
   * costs less than handing it to a worker and back; if it turns out to hold an attachment (a file
   * to write) or to inflate past {@value #INLINE_DECODED} bytes, it is read again from the start on
   * a worker, as larger bodies are.
   */
  private Future<Parsed> parse(Buffer body, boolean envelope, String encoding, String headerKey, Instant now) {
    if (body.length() <= INLINE_BODY) {
      try {
        return Future.succeededFuture(envelope
            ? parseEnvelope(body, encoding, headerKey, now, true)
            : parseStore(body, encoding, headerKey, now, true));
      } catch (NeedsWorker e) {
        // read again below
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    }
    return sc.vertx().executeBlocking(() -> envelope
        ? parseEnvelope(body, encoding, headerKey, now, false)
        : parseStore(body, encoding, headerKey, now, false), false);
  }

  /** A body read on the event loop needs a worker after all: it holds a file to write, or inflates to a lot. */
  private static final class NeedsWorker extends RuntimeException {
    NeedsWorker() {
      super(null, null, false, false);
    }
  }

  /** The decoded body: on the event loop ({@code inline}) only up to {@link #INLINE_DECODED} bytes. */
  private InputStream decoded(Buffer body, String encoding, long limit, boolean inline) throws IOException {
    return inline && limit > INLINE_DECODED ? Decoding.open(body, encoding, INLINE_DECODED, NeedsWorker::new)
        : Decoding.open(body, encoding, limit);
  }

  /** Reads an envelope (blocking unless {@code inline}: then no attachment, and a small body only). */
  private Parsed parseEnvelope(Buffer body, String encoding, String headerKey, Instant now, boolean inline) throws IOException {
    List<StructuredEvent.Attachment> files = new ArrayList<>();
    try (InputStream in = decoded(body, encoding, limits.decompressed(), inline)) {
      EnvelopeReader r = new EnvelopeReader(in);
      JsonObject header = r.header();
      String key = headerKey != null ? headerKey : SentryAuth.keyOfDsn(header.getValue("dsn") instanceof String d ? d : null);
      String eventId = EventReader.eventId(header.getValue("event_id"));
      EnvelopeReader.Event event = null;
      List<JsonObject> updates = new ArrayList<>();
      List<Sessions.Aggregate> aggregates = new ArrayList<>();
      for (JsonObject item = r.nextItem(); item != null; item = r.nextItem()) {
        String type = item.getString("type");
        switch (type) {
          case "event" -> {
            EnvelopeReader.Slice payload = r.payload(item, limits.item(), "the event item");
            if (event == null) {
              event = EnvelopeReader.event(payload, "the event item");
            }
          }
          case "attachment" -> {
            if (inline) {
              throw new NeedsWorker();
            }
            files.add(attachment(r, item));
          }
          case "session" -> {
            EnvelopeReader.Slice payload = r.payload(item, limits.item(), "a session item");
            if (updates.size() + aggregates.size() < Limits.MAX_SESSIONS) {
              updates.add(EnvelopeReader.json(payload, "a session item"));
            }
          }
          case "sessions" -> {
            EnvelopeReader.Slice payload = r.payload(item, limits.item(), "a sessions item");
            if (updates.size() + aggregates.size() < Limits.MAX_SESSIONS) {
              aggregates.add(new Sessions.Aggregate(EnvelopeReader.json(payload, "a sessions item"), payload.sha256()));
            }
          }
          default -> r.skip(item); // transactions, client reports ... and types unknown to Beacon
        }
      }
      if (key == null) {
        throw ApiException.authFailed(
            "no sentry_key: send it in X-Sentry-Auth, as ?sentry_key=, or as the dsn of the envelope header");
      }
      if (event == null) {
        return new Parsed(key, eventId, null, files, updates, aggregates);
      }
      String id = eventId != null ? eventId : EventReader.eventId(event.json().getValue("event_id"));
      String did = updates.stream().map(u -> u.getValue("did")).filter(d -> d instanceof String).map(String.class::cast)
          .findFirst().orElse(null);
      StructuredEvent ev = EventReader.read(event.json(), event.exceptions(), id != null ? id : EventReader.newEventId(), did,
          now, files);
      return new Parsed(key, ev.eventUid(), ev, List.of(), updates, aggregates);
    } catch (IOException | RuntimeException e) {
      if (!files.isEmpty()) {
        intake.discard(files);
      }
      throw unreadable(e);
    }
  }

  /** Reads a legacy {@code /store/} body: one event as JSON (on a small body only when {@code inline}). */
  private Parsed parseStore(Buffer body, String encoding, String headerKey, Instant now, boolean inline) throws IOException {
    if (headerKey == null) {
      throw ApiException.authFailed(
          "no sentry_key: send it in X-Sentry-Auth or as ?sentry_key=");
    }
    try (InputStream in = decoded(body, encoding, limits.item(), inline)) {
      JsonObject event = EnvelopeReader.json(in.readAllBytes(), "the event");
      String id = EventReader.eventId(event.getValue("event_id"));
      StructuredEvent ev = EventReader.read(event, id != null ? id : EventReader.newEventId(), null, now, List.of());
      return new Parsed(headerKey, ev.eventUid(), ev, List.of(), List.of(), List.of());
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  /** A failure while reading a body: a refusal as it is, an I/O failure (truncated, not the encoding it says) as 400. */
  private static RuntimeException unreadable(Exception e) {
    if (e instanceof IOException) {
      return SentryAnswers.bad("the body could not be read: " + e.getMessage() + " (truncated, or not the Content-Encoding it says)");
    }
    return (RuntimeException) e;
  }

  /** Streams an attachment to its own file and syncs it, so that an acknowledged one is on disk. */
  private StructuredEvent.Attachment attachment(EnvelopeReader r, JsonObject item) throws IOException {
    Path f = intake.newAttachmentFile();
    String filename = item.getValue("filename") instanceof String n && !n.isBlank() ? cut(n.strip(), 255) : "attachment";
    long size;
    try (FileOutputStream out = new FileOutputStream(f.toFile())) {
      size = r.copy(item, limits.attachment(), out, "the attachment " + filename);
      out.getFD().sync();
    } catch (IOException | RuntimeException e) {
      java.nio.file.Files.deleteIfExists(f);
      throw e;
    }
    String contentType = item.getValue("content_type") instanceof String t ? cut(t, 255) : null;
    String kind = item.getValue("attachment_type") instanceof String t ? cut(t, 64) : "event.attachment";
    return new StructuredEvent.Attachment(f, filename, contentType, kind, size);
  }

  /** Stores what the body held; completes with the event id to answer once all of it is committed. */
  private Future<String> commit(String projectId, Parsed p, Instant now) {
    if (!p.strayFiles().isEmpty()) {
      // attachments without their event in the envelope are not kept
      sc.vertx().executeBlocking(() -> {
        intake.discard(p.strayFiles());
        return null;
      }, false);
    }
    Future<Void> checked = p.event() == null && p.updates().isEmpty() && p.aggregates().isEmpty()
        ? keys.check(projectId, p.key()) : Future.succeededFuture();
    return checked.compose(v -> {
      Future<String> event;
      if (p.event() == null) {
        event = Future.succeededFuture(p.eventId());
      } else {
        try {
          intake.limit(p.key());
        } catch (RuntimeException limited) {
          intake.discard(p.event().attachments());
          return Future.failedFuture(limited);
        }
        event = intake.add(projectId, p.key(), p.event()).map(EventIntake.Result::eventUid);
      }
      Future<Void> counted = p.updates().isEmpty() && p.aggregates().isEmpty() ? Future.succeededFuture()
          : sessions.add(new Sessions.Work(projectId, p.key(), p.updates(), p.aggregates(), now)).compose(this::markActive);
      return Future.all(event, counted).map(all -> event.result());
    });
  }

  /** Counts the sessions' machines active today; a refusal there (a full queue) does not fail the envelope. */
  private Future<Void> markActive(List<Sessions.Active> machines) {
    List<Future<Boolean>> marked = new ArrayList<>();
    for (Sessions.Active m : machines) {
      marked.add(installs.sighting(m.appKey(), cut(m.machineId(), 255), cut(m.version(), 128))
          .otherwise(err -> {
            LOG.debug("a session's machine was not counted active: {}", err.toString());
            return false;
          }));
    }
    return Future.join(marked).mapEmpty();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
