package dev.beacon.api.telemetry.store;

import java.time.LocalDate;

/** A machine of an app as it is saved ({@link MachineBlocks}): its hash, ordinal and first day. */
record NewMachine(String hash, int ordinal, LocalDate firstDay) {}
