package dev.beacon.api.errors;

/**
 * One frame of a stack trace after normalisation: {@code symbol} is stable across versions and
 * machines (no line numbers, paths, addresses or compiler-generated numbers); {@code inApp} is
 * false for the frames of the runtime and its libraries (Java, .NET, Python's standard library and
 * installed packages).
 */
record Frame(String symbol, boolean inApp) {}
