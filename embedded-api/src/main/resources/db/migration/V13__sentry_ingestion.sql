-- Sentry-compatible ingestion (issue 16). Portable between H2 2.x and PostgreSQL 13+.

-- every app gets a DSN: a small project number and a public key of its own (not the app key, so
-- that the two can be rotated apart); V14 fills them for the apps that exist, V15 makes them
-- required and unique
ALTER TABLE app ADD COLUMN sentry_project_id INTEGER;
ALTER TABLE app ADD COLUMN sentry_key VARCHAR(64);

-- what a Sentry event carries beyond the two families' fields
ALTER TABLE error_event ADD COLUMN event_uid VARCHAR(32);
ALTER TABLE error_event ADD COLUMN level VARCHAR(16);
ALTER TABLE error_event ADD COLUMN environment VARCHAR(64);
ALTER TABLE error_event ADD COLUMN platform VARCHAR(32);
ALTER TABLE error_event ADD COLUMN release_name VARCHAR(200);
-- tags, contexts, user, breadcrumbs, sdk, exceptions and frames as JSON
ALTER TABLE error_event ADD COLUMN details VARCHAR(1000000);
-- one event per (app, Sentry event_id): SDKs retry from their offline caches
CREATE UNIQUE INDEX ux_error_event_uid ON error_event (app_id, event_uid);

-- the environments an issue was seen in, for the environment filter
CREATE TABLE error_issue_environment (
  issue_id     VARCHAR(32)  NOT NULL,
  environment  VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_error_issue_environment PRIMARY KEY (issue_id, environment),
  CONSTRAINT fk_error_issue_environment_issue FOREIGN KEY (issue_id) REFERENCES error_issue (issue_id) ON DELETE CASCADE
);

-- attachments (log files, minidumps) kept with their event; the bytes are files in
-- DATA/error-attachments, named by stored_name
CREATE TABLE error_attachment (
  attachment_id    VARCHAR(32)   NOT NULL PRIMARY KEY,
  event_id         BIGINT        NOT NULL,
  app_id           VARCHAR(32)   NOT NULL,
  filename         VARCHAR(255)  NOT NULL,
  content_type     VARCHAR(255),
  attachment_type  VARCHAR(64),
  size_bytes       BIGINT        NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT fk_error_attachment_event FOREIGN KEY (event_id) REFERENCES error_event (id) ON DELETE CASCADE
);
CREATE INDEX ix_error_attachment_event ON error_attachment (event_id);
CREATE INDEX ix_error_attachment_created ON error_attachment (created_at);

-- Sentry sessions: each session (or aggregate item, by its digest) once, for exactly-once counts
CREATE TABLE sentry_session (
  app_id       VARCHAR(32)   NOT NULL,
  sid          VARCHAR(80)   NOT NULL,
  release_name VARCHAR(200)  NOT NULL,
  environment  VARCHAR(64)   NOT NULL,
  started_day  DATE          NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  errored      BOOLEAN       DEFAULT FALSE NOT NULL,
  seq          BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT pk_sentry_session PRIMARY KEY (app_id, sid),
  CONSTRAINT fk_sentry_session_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);

-- counts per app, release, environment and day the sessions started
CREATE TABLE sentry_session_day (
  app_id       VARCHAR(32)   NOT NULL,
  release_name VARCHAR(200)  NOT NULL,
  environment  VARCHAR(64)   NOT NULL,
  started_day  DATE          NOT NULL,
  started      BIGINT        DEFAULT 0 NOT NULL,
  exited       BIGINT        DEFAULT 0 NOT NULL,
  errored      BIGINT        DEFAULT 0 NOT NULL,
  crashed      BIGINT        DEFAULT 0 NOT NULL,
  abnormal     BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT pk_sentry_session_day PRIMARY KEY (app_id, release_name, environment, started_day),
  CONSTRAINT fk_sentry_session_day_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);

-- the machines (HMAC of the session's did) of each release, and whether one of their sessions crashed
CREATE TABLE sentry_session_machine (
  app_id       VARCHAR(32)   NOT NULL,
  release_name VARCHAR(200)  NOT NULL,
  environment  VARCHAR(64)   NOT NULL,
  machine_hash VARCHAR(64)   NOT NULL,
  crashed      BOOLEAN       DEFAULT FALSE NOT NULL,
  CONSTRAINT pk_sentry_session_machine PRIMARY KEY (app_id, release_name, environment, machine_hash),
  CONSTRAINT fk_sentry_session_machine_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
