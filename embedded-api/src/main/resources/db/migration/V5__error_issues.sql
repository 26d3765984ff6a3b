-- Error grouping: every error event belongs to an issue (same fingerprint within one app).
-- Portable between H2 2.x and PostgreSQL 13+. Events stored before this migration get their
-- issue at the next start (errors.IssueBackfill), so nothing is lost on upgrade.

CREATE TABLE error_issue (
  issue_id          VARCHAR(32)    NOT NULL PRIMARY KEY,
  app_id            VARCHAR(32)    NOT NULL,
  fingerprint       VARCHAR(64)    NOT NULL,
  error_type        VARCHAR(512),
  title             VARCHAR(1000)  NOT NULL,
  culprit           VARCHAR(1000),
  last_message      VARCHAR(4000),
  status            VARCHAR(16)    DEFAULT 'unresolved' NOT NULL,
  regression        BOOLEAN        DEFAULT FALSE NOT NULL,
  event_count       BIGINT         DEFAULT 0 NOT NULL,
  machine_count     BIGINT         DEFAULT 0 NOT NULL,
  first_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen         TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at       TIMESTAMP WITH TIME ZONE,
  resolved_version  VARCHAR(128),
  CONSTRAINT uq_error_issue_fingerprint UNIQUE (app_id, fingerprint),
  CONSTRAINT fk_error_issue_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
CREATE INDEX ix_error_issue_app_last_seen ON error_issue (app_id, last_seen);

-- counts that outlive the raw events (retention prunes events, never these)
CREATE TABLE error_issue_version (
  issue_id     VARCHAR(32)   NOT NULL,
  app_version  VARCHAR(128)  NOT NULL,
  event_count  BIGINT        NOT NULL,
  first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_error_issue_version PRIMARY KEY (issue_id, app_version),
  CONSTRAINT fk_error_issue_version_issue FOREIGN KEY (issue_id) REFERENCES error_issue (issue_id) ON DELETE CASCADE
);

CREATE TABLE error_issue_day (
  issue_id     VARCHAR(32)  NOT NULL,
  seen_day     DATE         NOT NULL,
  event_count  BIGINT       NOT NULL,
  CONSTRAINT pk_error_issue_day PRIMARY KEY (issue_id, seen_day),
  CONSTRAINT fk_error_issue_day_issue FOREIGN KEY (issue_id) REFERENCES error_issue (issue_id) ON DELETE CASCADE
);

-- one row per machine that hit the issue: the HMAC of its id under the app's secret
CREATE TABLE error_issue_machine (
  issue_id      VARCHAR(32)  NOT NULL,
  machine_hash  VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_error_issue_machine PRIMARY KEY (issue_id, machine_hash),
  CONSTRAINT fk_error_issue_machine_issue FOREIGN KEY (issue_id) REFERENCES error_issue (issue_id) ON DELETE CASCADE
);

ALTER TABLE error_event ADD COLUMN issue_id VARCHAR(32);
ALTER TABLE error_event ADD CONSTRAINT fk_error_event_issue
  FOREIGN KEY (issue_id) REFERENCES error_issue (issue_id) ON DELETE CASCADE;
CREATE INDEX ix_error_event_issue_created ON error_event (issue_id, created_at);
-- the retention sweep deletes by age across apps
CREATE INDEX ix_error_event_created ON error_event (created_at);
