package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the ingest path read what the general code reads: JSON straight from bytes as
 * {@code new JsonObject(text)} does, SDK timestamps as {@link OffsetDateTime#parse} does.
 */
class FastPathsTest {
  @Test
  void jsonFromBytesIsTheObjectTheTextGives() {
    List<String> lines = List.of(
        "{\"a\":1,\"b\":2.5,\"c\":12345678901234,\"d\":123456789012345678901234567890,\"e\":-0.0,\"f\":1e300}",
        "  {\"nested\":{\"list\":[1,\"two\",null,true,false,{\"x\":[]}],\"o\":{}}}\t\r",
        "{\"dup\":1,\"other\":2,\"dup\":3}",
        "{\"esc\":\"tab\\t quote\\\" slash\\/ uni\\u00e9 \\ud83d\\ude00\"}",
        "{\"frames\":[{\"module\":\"com.acme.Foo$1\",\"function\":\"run\",\"lineno\":42,\"in_app\":true}]}",
        "{}");
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      JsonObject viaText = new JsonObject(line.strip());
      assertEquals(viaText, EnvelopeReader.json(bytes, "a line"), line);
      assertEquals(viaText.encode(), EnvelopeReader.json(bytes, "a line").encode(), line);
      byte[] framed = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
      assertEquals(viaText, EnvelopeReader.json(new EnvelopeReader.Slice(framed, 2, bytes.length), "a line"), line);
    }
  }

  @Test
  void exceptionsReadWhileParsingAreThoseOfTheParsedEvent() {
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 260; i++) {
      many.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "\"not a frame\"" : "{\"function\":\"f" + i + "\",\"lineno\":" + i + "}");
    }
    many.append(']');
    List<String> exceptions = List.of(
        "{\"values\":[{\"type\":\"IllegalStateException\",\"module\":\"java.lang\",\"value\":\"boom\",\"stacktrace\":"
            + "{\"frames\":[{\"module\":\"com.acme.Foo$1\",\"function\":\"run\",\"filename\":\"Foo.java\",\"abs_path\":\"x\","
            + "\"lineno\":42,\"in_app\":true,\"vars\":{\"a\":[1,{\"b\":2}]}}]}},{\"type\":\"Other\",\"mechanism\":{\"type\":\"x\"}}]}",
        "[{\"type\":7,\"value\":true,\"module\":\"  \"},\"scalar\",null,{\"stacktrace\":[1,2]},{\"stacktrace\":{\"frames\":{}}}]",
        "{\"values\":{\"not\":\"a list\"}}", "{\"values\":[{\"type\":\"A\"}],\"values\":null}", "\"text\"", "12", "null", "{}", "[]",
        "[{\"stacktrace\":{\"frames\":" + many + "}}]",
        "[{\"type\":\"T\",\"type\":\"U\",\"stacktrace\":{\"frames\":[{\"lineno\":1.9,\"in_app\":\"yes\",\"function\":{\"x\":1},"
            + "\"module\":12.5,\"lineno\":\"3\"},{\"lineno\":99999999999,\"in_app\":false,\"in_app\":null}]},\"stacktrace\":"
            + "{\"frames\":[{\"function\":\"kept\",\"lineno\":-4,\"in_app\":false}],\"frames_omitted\":[1,2]}}]");
    Instant now = Instant.parse("2024-06-01T00:00:00Z");
    for (String x : exceptions) {
      String event = "{\"platform\":\"java\",\"exception\":" + x + ",\"threads\":{\"values\":[{\"crashed\":true,\"stacktrace\":"
          + "{\"frames\":[{\"function\":\"t\"}]}}]},\"tags\":{\"a\":1},\"timestamp\":\"2024-05-01T00:00:00.5Z\"}";
      byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
      EnvelopeReader.Event streamed = EnvelopeReader.event(new EnvelopeReader.Slice(bytes, 0, bytes.length), "the event");
      assertNotNull(streamed.exceptions(), x);
      assertEquals(EventReader.read(new JsonObject(event), "0".repeat(32), null, now, List.of()),
          EventReader.read(streamed.json(), streamed.exceptions(), "0".repeat(32), null, now, List.of()), x);
    }
  }

  @Test
  void authHeaderKeyIsWhatTheSentryPatternFinds() {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("(?:^|[\\s,])sentry_key\\s*=\\s*([^,\\s]+)");
    for (String h : List.of("Sentry sentry_version=7, sentry_client=sentry.java/8.64.0, sentry_key=abc123",
        "Sentry sentry_key=k1,sentry_version=7", "sentry_key = spaced , x=y", "Sentry my_sentry_key=no, sentry_key=yes",
        "Sentry sentry_key=, sentry_key=second", "Sentry sentry_key", "Sentry sentry_keyx=1", "Sentry x,sentry_key=\tk\t",
        "Sentry sentry_key=a=b", "", "Sentry\u000Bsentry_key=vt", "Sentry sentry_key=\u00e9t\u00e9")) {
      java.util.regex.Matcher m = pattern.matcher(h);
      assertEquals(m.find() ? m.group(1) : null, SentryAuth.headerKey(h), h);
    }
  }

  @Test
  void sdkTimestampsReadAsTheFormatterReadsThem() {
    for (String t : List.of("2024-05-01T12:34:56Z", "2024-05-01T12:34:56.7Z", "2024-05-01T12:34:56.789Z",
        "2024-05-01T12:34:56.123456789Z", "2024-02-29T23:59:59.000001Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z")) {
      assertEquals(OffsetDateTime.parse(t).toInstant(), EventReader.utc(t), t);
    }
    // not the form, or no such date: left to the formatter
    for (String t : List.of("2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:34:60Z", "2024-05-01T12:34Z",
        "2024-05-01T12:34:56.Z", "2024-05-01T12:34:56.1234567890Z", "2024-05-01t12:34:56Z", "2024-05-01T12:34:56+00:00",
        "+2024-05-01T12:34:56Z", "2024-5-01T12:34:56.1Z")) {
      assertNull(EventReader.utc(t), t);
    }
    assertEquals(Instant.parse("2024-05-01T12:34:56.789Z"), EventReader.utc("2024-05-01T12:34:56.789Z"));
  }
}
