-- Alerts: per app, the rules that raise them (an app without a row for a rule has its default:
-- new_issue and regression on, spike and rollout_health off), where they go, and the alerts
-- themselves with one delivery per destination (the outbox). An alert is written in the same
-- transaction as the event that raised it; deliveries are retried until sent or failed.
CREATE TABLE alert_rule (
  app_id         VARCHAR(32) NOT NULL,
  rule_name      VARCHAR(32) NOT NULL,
  enabled        BOOLEAN     NOT NULL,
  threshold      DOUBLE PRECISION,
  min_machines   INTEGER,
  factor         DOUBLE PRECISION,
  quiet_minutes  INTEGER     NOT NULL,
  auto_halt      BOOLEAN     DEFAULT FALSE NOT NULL,
  PRIMARY KEY (app_id, rule_name),
  CONSTRAINT fk_alert_rule_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);

-- A webhook (generic, slack or discord body) or an e-mail address. state: active, disabled (a
-- webhook that answered 410 Gone; state_reason says so).
CREATE TABLE alert_destination (
  destination_id  VARCHAR(32)   NOT NULL PRIMARY KEY,
  app_id          VARCHAR(32)   NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  target          VARCHAR(2000) NOT NULL,
  secret          VARCHAR(200),
  name            VARCHAR(200),
  state           VARCHAR(16)   NOT NULL,
  state_reason    VARCHAR(1000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT fk_alert_destination_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
CREATE INDEX ix_alert_destination_app ON alert_destination (app_id);

-- One alert: the rule and its subject (an issue, a version; the quiet period is per rule and
-- subject), what happened, and the message as sent (payload: the generic webhook body).
CREATE TABLE alert (
  alert_id     VARCHAR(32)    NOT NULL PRIMARY KEY,
  app_id       VARCHAR(32)    NOT NULL,
  rule_name    VARCHAR(32)    NOT NULL,
  subject      VARCHAR(64)    NOT NULL,
  event        VARCHAR(32)    NOT NULL,
  issue_id     VARCHAR(32),
  version_id   VARCHAR(32),
  message      VARCHAR(2000)  NOT NULL,
  payload      VARCHAR(16000) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT fk_alert_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
CREATE INDEX ix_alert_app_created ON alert (app_id, created_at);
CREATE INDEX ix_alert_quiet ON alert (app_id, rule_name, subject, created_at);

-- An alert's delivery to one destination: pending (next try at next_at), sent or failed (after
-- 24 hours of tries, or the destination was disabled).
CREATE TABLE alert_delivery (
  alert_id        VARCHAR(32)   NOT NULL,
  destination_id  VARCHAR(32)   NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  attempts        INTEGER       DEFAULT 0 NOT NULL,
  next_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  last_error      VARCHAR(1000),
  sent_at         TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (alert_id, destination_id),
  CONSTRAINT fk_alert_delivery_alert FOREIGN KEY (alert_id) REFERENCES alert (alert_id) ON DELETE CASCADE,
  CONSTRAINT fk_alert_delivery_destination FOREIGN KEY (destination_id) REFERENCES alert_destination (destination_id) ON DELETE CASCADE
);
CREATE INDEX ix_alert_delivery_due ON alert_delivery (state, next_at);
