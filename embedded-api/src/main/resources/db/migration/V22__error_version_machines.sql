-- Release health (issue 18): which machines hit which issue on which app version and day, one row
-- each, the machine as the same HMAC (MachineHash under the app's secret) that heartbeats use, so
-- that the health figures count errors among the very machines usage counts. Written with each
-- event by the errors' ingest (IssueGrouper); the day is the app's calendar day, as for usage.
-- The retention sweep removes the rows of the days whose raw events it prunes.
CREATE TABLE error_version_machine (
  issue_id      VARCHAR(32)  NOT NULL,
  app_id        VARCHAR(32)  NOT NULL,
  app_version   VARCHAR(128) NOT NULL,
  seen_day      DATE         NOT NULL,
  machine_hash  VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_error_version_machine PRIMARY KEY (issue_id, app_version, seen_day, machine_hash),
  CONSTRAINT fk_error_version_machine_issue FOREIGN KEY (issue_id) REFERENCES error_issue (issue_id) ON DELETE CASCADE
);
CREATE INDEX ix_error_version_machine_app ON error_version_machine (app_id, seen_day);

-- the events kept so far (raw events within the retention period), their day in the database's zone
INSERT INTO error_version_machine (issue_id, app_id, app_version, seen_day, machine_hash)
SELECT DISTINCT issue_id, app_id, COALESCE(app_version, ''), CAST(created_at AS DATE), machine_id
FROM error_event
WHERE issue_id IS NOT NULL AND machine_id IS NOT NULL AND CHAR_LENGTH(machine_id) <= 64;

-- Module versions are not in heartbeats: the machines that asked for a module's update
-- (POST /v1/app/module/upgrade with a deviceId and a versionCode) say which module version they
-- run, one row per module, version code, day and machine (the same HMAC as above).
CREATE TABLE module_version_machine (
  module_id     VARCHAR(32)  NOT NULL,
  version_code  INTEGER      NOT NULL,
  seen_day      DATE         NOT NULL,
  machine_hash  VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_module_version_machine PRIMARY KEY (module_id, version_code, seen_day, machine_hash),
  CONSTRAINT fk_module_version_machine_module FOREIGN KEY (module_id) REFERENCES app_module (module_id) ON DELETE CASCADE
);
CREATE INDEX ix_module_version_machine_day ON module_version_machine (module_id, seen_day);
