package dev.beacon.api.core;

/**
 * A deliberate failure with a Beacon error code (family B: 4000, 4001, 4003, 4004, 4007, 5000).
 * The failure handler turns it into the envelope of the route family that raised it.
 */
public final class ApiException extends RuntimeException {
  public static final int BAD_PARAMETER = 4000;
  public static final int AUTH_FAILED = 4001;
  public static final int FORBIDDEN = 4003;
  public static final int NOT_FOUND = 4004;
  public static final int BUSINESS_RULE = 4007;
  public static final int TOO_LARGE = 4013;
  public static final int RATE_LIMITED = 4029;
  public static final int INTERNAL = 5000;

  private final int code;
  private int retryAfterSeconds;

  public ApiException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Asks the client to wait this long before trying again (the Retry-After header). */
  public ApiException retryAfterSeconds(long seconds) {
    this.retryAfterSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(0, seconds));
    return this;
  }

  /** Seconds for Retry-After, or 0 when not set. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The HTTP status that mirrors the code. */
  public int httpStatus() {
    return switch (code) {
      case BAD_PARAMETER -> 400;
      case AUTH_FAILED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case BUSINESS_RULE -> 409;
      case TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      default -> 500;
    };
  }

  public static ApiException badParameter(String message) {
    return new ApiException(BAD_PARAMETER, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(NOT_FOUND, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(FORBIDDEN, message);
  }

  public static ApiException authFailed(String message) {
    return new ApiException(AUTH_FAILED, message);
  }

  public static ApiException rule(String message) {
    return new ApiException(BUSINESS_RULE, message);
  }
}
