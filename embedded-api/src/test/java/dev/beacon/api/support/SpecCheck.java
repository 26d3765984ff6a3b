package dev.beacon.api.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Checks a test's request and the answer it got against {@code openapi.yaml} (Atlassian's
 * swagger-request-validator). The answer must be one the spec lists for that operation: its status,
 * content type, headers and body schema. The request must match its operation too, unless the
 * server refused it (a 4xx): a test that sends a request the spec calls invalid must get the
 * refusal the spec promises, and one the server accepts must be valid per the spec. A mismatch
 * throws, failing the test that sent the request. Requests a test sends malformed on purpose go
 * through {@link Api#unchecked()} and are not checked.
 */
final class SpecCheck {
  /** {@code -Dbeacon.spec.record=FILE}: every checked exchange appended to FILE as a JSON line (to study answers). */
  private static final String RECORD = System.getProperty("beacon.spec.record");

  private SpecCheck() {}

  /** The validator, loaded at its first use. */
  private static final class Loaded {
    static final OpenApiInteractionValidator VALIDATOR = load();
  }

  private static OpenApiInteractionValidator load() {
    try (InputStream in = SpecCheck.class.getResourceAsStream("/openapi.yaml")) {
      String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // extra fields are fine both ways (answers may carry more, CONTRACT.md; Beacon ignores unknown
      // request fields): with that check ignored, the validator also leaves additionalProperties
      // alone instead of setting it false in every schema, which would break every allOf
      return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
          .withLevelResolver(LevelResolver.create()
              .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
              // as the validator's default: query names are case-insensitive in Beacon (pageno = pageNo)
              .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
              .build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks one exchange; {@code body} is the request's body as sent, or {@code null} when the
   * test built it as a stream (an upload), whose body is then not checked.
   */
  static void verify(HttpRequest sent, String body, Resp answer) {
    URI uri = sent.uri();
    Request.Method method = Request.Method.valueOf(sent.method());
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
    sent.headers().map().forEach(request::withHeader);
    boolean bodyKnown = body != null || sent.bodyPublisher().map(p -> p.contentLength() == 0).orElse(true);
    if (body != null && !body.isEmpty()) {
      request.withBody(asBeaconReadsIt(body));
    }
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        request.withQueryParam(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.raw());
    for (Map.Entry<String, List<String>> h : answer.headers().map().entrySet()) {
      response.withHeader(h.getKey(), h.getValue());
    }
    record(sent, body, answer);
    ValidationReport report = Loaded.VALIDATOR.validate(request.build(), response.build());
    boolean refused = answer.status() >= 400 && answer.status() < 500;
    List<String> problems = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      boolean aboutRequest = m.getKey().startsWith("validation.request");
      if (aboutRequest && (refused || (!bodyKnown && m.getKey().startsWith("validation.request.body")))) {
        continue;
      }
      problems.add(m.getKey() + ": " + m.getMessage());
    }
    if (!problems.isEmpty()) {
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      throw new AssertionFailedError("openapi.yaml does not describe " + sent.method() + " "
          + (target.length() > 300 ? target.substring(0, 300) + "..." : target) + " -> " + answer + ":\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * A JSON object body as Beacon reads it, by the rules openapi.yaml states in its description:
   * keys trimmed (the seed sends {@code "appId "}) and a field set to null taken as not sent. Any
   * other body is checked as sent.
   */
  static String asBeaconReadsIt(String body) {
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(body);
    } catch (RuntimeException e) {
      return body;
    }
    if (!(parsed instanceof JsonObject object)) {
      return body;
    }
    JsonObject read = trimmed(object);
    read.getMap().values().removeIf(java.util.Objects::isNull);
    return read.encode();
  }

  private static JsonObject trimmed(JsonObject in) {
    JsonObject out = new JsonObject();
    in.forEach(e -> out.put(e.getKey().trim(), e.getValue() instanceof JsonObject o ? trimmed(o) : e.getValue()));
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static synchronized void record(HttpRequest sent, String body, Resp answer) {
    if (RECORD == null) {
      return;
    }
    JsonObject line = new JsonObject().put("method", sent.method()).put("path", sent.uri().getRawPath())
        .put("query", sent.uri().getRawQuery()).put("contentType", sent.headers().firstValue("Content-Type").orElse(null))
        .put("auth", sent.headers().firstValue("X-Auth-Token").isPresent()).put("body", body)
        .put("status", answer.status()).put("answerType", answer.header("Content-Type"))
        .put("retryAfter", answer.header("Retry-After")).put("answer", answer.raw().length() > 20000 ? null : answer.raw());
    try {
      Files.writeString(Path.of(RECORD), line.encode() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
