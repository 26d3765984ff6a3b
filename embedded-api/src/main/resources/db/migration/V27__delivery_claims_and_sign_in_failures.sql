-- Several Beacons on one database deliver the alert outbox together: an instance claims the due
-- deliveries it is about to send (claimed_by: its member id) until claimed_until; the others skip
-- them meanwhile, and take over a claim that expired (its instance died before recording).
ALTER TABLE alert_delivery ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE alert_delivery ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;

-- Failed sign-ins per throttle key (account and address, or address) in the current window, kept
-- here when Beacon runs on PostgreSQL so that every instance counts the same failures (on H2 one
-- process keeps them in memory).
CREATE TABLE sign_in_failure (
  throttle_key VARCHAR(1000) PRIMARY KEY,
  window_start BIGINT        NOT NULL,
  failures     INTEGER       NOT NULL
);
