package dev.beacon.api.support;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpHeaders;

/** An HTTP answer in a test: status, body as text, and the body as JSON when it is an object. */
public record Resp(int status, String raw, HttpHeaders headers) {
  public JsonObject json() {
    return new JsonObject(raw);
  }

  /** The envelope's {@code code}. */
  public int code() {
    return json().getInteger("code");
  }

  /** The envelope's {@code msg} (family B) or {@code message} (family A). */
  public String msg() {
    JsonObject j = json();
    return j.containsKey("msg") ? j.getString("msg") : j.getString("message");
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  @Override
  public String toString() {
    return status + " " + (raw.length() > 500 ? raw.substring(0, 500) + "..." : raw);
  }
}
