package dev.beacon.desktop.client;

/**
 * A failed call to the Beacon server: the server's own error ({@code code} 4000, 4001, ... and its
 * {@code msg}), or {@link #UNREACHABLE} / {@link #BAD_ANSWER} when no usable answer came back.
 */
public final class ApiError extends Exception {
  /** The server could not be reached (refused, timed out, interrupted). */
  public static final int UNREACHABLE = -1;
  /** The server answered something that is not Beacon's JSON envelope. */
  public static final int BAD_ANSWER = -2;

  private final int code;
  private final String msg;

  public ApiError(int code, String msg) {
    this(code, msg, null);
  }

  public ApiError(int code, String msg, Throwable cause) {
    super(msg + " (" + code + ")", cause);
    this.code = code;
    this.msg = msg;
  }

  public int code() {
    return code;
  }

  public String msg() {
    return msg;
  }

  /** A one-line text for the window: the server's message, or the cause of any other failure. */
  public static String text(Throwable t) {
    if (t == null) {
      return "";
    }
    if (t instanceof ApiError e) {
      return e.msg();
    }
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null || c.getMessage().isBlank())) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
  }
}
