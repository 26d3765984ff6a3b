package dev.beacon.api.telemetry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One heartbeat of one machine running an app (family A). The machine is stored only as
 * {@link MachineHash}: the raw machine id never reaches the database.
 */
@Entity
@Table(name = "heartbeat")
public class Heartbeat {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  /** Hex HMAC-SHA256 of the machine id under the app's secret. */
  @Column(name = "machine_hash", nullable = false, length = 64)
  public String machineHash;

  @Column(name = "app_version", length = 128)
  public String appVersion;

  /** The calendar day of {@link #receivedAt} in the server's zone, for DAU/WAU/MAU. */
  @Column(name = "hb_day", nullable = false)
  public LocalDate day;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;
}
