-- Several Beacons on one database deliver the alert outbox together: an instance claims the due
-- deliveries it is about to send (claimed_by: its member id) until claimed_until; the others skip
-- them meanwhile, and take over a claim that expired (its instance died before recording).
ALTER TABLE alert_delivery ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE alert_delivery ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
