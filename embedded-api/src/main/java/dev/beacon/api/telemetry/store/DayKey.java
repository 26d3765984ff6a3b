package dev.beacon.api.telemetry.store;

import java.time.LocalDate;

/** An app's day. */
public record DayKey(String appId, LocalDate day) {}
