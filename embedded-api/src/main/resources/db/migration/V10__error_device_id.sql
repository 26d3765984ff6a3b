-- Family B's deviceId gets a column of its own, so that machine_id can hold the machine's hash in
-- both families (V11 hashes the logs' machine_id; the server hashes every new one). The seed's log
-- list shows deviceId back as sent: it is read from device_id.
ALTER TABLE error_event ADD COLUMN device_id VARCHAR(255);
UPDATE error_event SET device_id = machine_id WHERE source = 'log';
