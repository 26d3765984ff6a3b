package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A version's device targeting as the seed writes it: device ids separated by ';'. Requests may
 * also send an array of strings; commas and line breaks separate too.
 */
final class DeviceIds {
  static final int MAX_LENGTH = 20000;
  private static final Pattern SEPARATORS = Pattern.compile("[;,\\r\\n]+");

  private DeviceIds() {}

  /** The stored form ("a;b;c") of a request value, or "" when it names no device. */
  static String normalize(String field, Object raw) {
    List<String> given = new ArrayList<>();
    if (raw instanceof JsonArray arr) {
      for (Object o : arr) {
        if (!(o instanceof String) && !(o instanceof Number)) {
          throw ApiException.badParameter(field + " must be a string of ids separated by ';' or an array of strings");
        }
        given.add(o.toString());
      }
    } else if (raw instanceof String s) {
      given.addAll(List.of(SEPARATORS.split(s)));
    } else if (raw != null) {
      throw ApiException.badParameter(field + " must be a string of ids separated by ';' or an array of strings");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : given) {
      if (!id.isBlank()) {
        ids.add(id.trim());
      }
    }
    String joined = String.join(";", ids);
    if (joined.length() > MAX_LENGTH) {
      throw ApiException.badParameter(field + " is longer than " + MAX_LENGTH + " characters");
    }
    return joined;
  }

  /** Whether a stored targeting limits the version to some devices. */
  static boolean targeted(String stored) {
    return stored != null && !stored.isEmpty();
  }

  /** Whether a stored targeting names the device. */
  static boolean lists(String stored, String deviceId) {
    if (!targeted(stored) || deviceId == null) {
      return false;
    }
    String id = deviceId.trim();
    for (String s : stored.split(";")) {
      if (s.equals(id)) {
        return true;
      }
    }
    return false;
  }
}
