-- What happened to a version's release, one row per change: who (openId), when, the action
-- (release, rollout, halt, resume, complete, rollback, disable), the state and rollout before and
-- after, and an optional comment. Each row belongs to an app version or a module version.
CREATE TABLE version_change (
  change_id          VARCHAR(32)   NOT NULL PRIMARY KEY,
  app_version_id     VARCHAR(32),
  module_version_id  VARCHAR(32),
  changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  open_id            VARCHAR(32),
  action             VARCHAR(16)   NOT NULL,
  from_state         VARCHAR(16)   NOT NULL,
  to_state           VARCHAR(16)   NOT NULL,
  from_rollout       INTEGER       NOT NULL,
  to_rollout         INTEGER       NOT NULL,
  downgrade          BOOLEAN       DEFAULT FALSE NOT NULL,
  comment_text       VARCHAR(2000),
  CONSTRAINT fk_change_app_version FOREIGN KEY (app_version_id) REFERENCES app_version (version_id) ON DELETE CASCADE,
  CONSTRAINT fk_change_module_version FOREIGN KEY (module_version_id) REFERENCES module_version (version_id) ON DELETE CASCADE
);
CREATE INDEX ix_change_app_version ON version_change (app_version_id, changed_at);
CREATE INDEX ix_change_module_version ON version_change (module_version_id, changed_at);

-- Per app, whether update-feed requests that name an install count in usage like heartbeats (on
-- unless the developer switches it off); an app without a row counts them.
CREATE TABLE feed_settings (
  app_id       VARCHAR(32) NOT NULL PRIMARY KEY,
  count_usage  BOOLEAN     DEFAULT TRUE NOT NULL,
  CONSTRAINT fk_feed_settings_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
