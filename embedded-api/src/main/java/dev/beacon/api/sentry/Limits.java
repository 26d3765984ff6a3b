package dev.beacon.api.sentry;

/**
 * The sizes Sentry documents, enforced as the body is read: an envelope of at most 20 MiB as sent
 * and 100 MiB decompressed, an event (or session) item of at most 1 MiB decompressed, attachments
 * up to {@code --attachment-limit}, at most 100 session updates per envelope (more are ignored).
 * Over a limit: 413 with the limit named.
 */
record Limits(long compressed, long decompressed, int item, long attachment) {
  static final long MIB = 1024 * 1024;
  static final int MAX_SESSIONS = 100;
  /** Item headers and the envelope header are one line of JSON each, at most this long. */
  static final int MAX_HEADER_LINE = 64 * 1024;

  static Limits of(long attachmentLimit) {
    return new Limits(20 * MIB, 100 * MIB, (int) MIB, attachmentLimit);
  }

  static String mib(long bytes) {
    return bytes % MIB == 0 ? (bytes / MIB) + " MiB" : bytes + " bytes";
  }
}
