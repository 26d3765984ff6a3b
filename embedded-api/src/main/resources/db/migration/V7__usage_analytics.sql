-- Usage analytics (issue 6): exact DAU/WAU/MAU from per-day sets of machine ordinals.
-- ${binary} is VARBINARY on H2 and BYTEA on PostgreSQL (a Flyway placeholder set in Db).

-- an app's time zone (IANA id) for its calendar days; NULL follows the server's zone
ALTER TABLE app ADD COLUMN time_zone VARCHAR(64);

-- each machine of an app once: its HMAC, a small dense number (0, 1, 2, ...) for bitmaps, its first day
CREATE TABLE tel_machine (
  app_id        VARCHAR(32) NOT NULL,
  ordinal       INTEGER     NOT NULL,
  machine_hash  VARCHAR(64) NOT NULL,
  first_day     DATE        NOT NULL,
  CONSTRAINT pk_tel_machine PRIMARY KEY (app_id, ordinal),
  -- the hash first: a batch looks machines up with machine_hash IN (...), which needs it leading
  CONSTRAINT uq_tel_machine_hash UNIQUE (machine_hash, app_id),
  CONSTRAINT fk_tel_machine_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);

-- one row per machine and day while the day is open (the durable record of every acknowledged
-- heartbeat); a closed day is folded into tel_day.machines and tel_version_day and its rows removed
CREATE TABLE tel_machine_day (
  app_id       VARCHAR(32)  NOT NULL,
  usage_day    DATE         NOT NULL,
  ordinal      INTEGER      NOT NULL,
  app_version  VARCHAR(128) NOT NULL,
  last_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_tel_machine_day PRIMARY KEY (app_id, usage_day, ordinal),
  CONSTRAINT fk_tel_machine_day_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
CREATE INDEX ix_tel_machine_day_last ON tel_machine_day (app_id, last_at);

-- per app and day: machines seen for the first time and the last heartbeat (updated by every batch)
CREATE TABLE tel_day (
  app_id        VARCHAR(32) NOT NULL,
  usage_day     DATE        NOT NULL,
  new_machines  INTEGER     NOT NULL,
  last_at       TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_tel_day PRIMARY KEY (app_id, usage_day),
  CONSTRAINT fk_tel_day_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);

-- a closed day's machines: the serialized RoaringBitmap of their ordinals, written once when the
-- day closes. A table of its own, so that the small rows updated by every batch never share a
-- database page with (and rewrite) these large values
CREATE TABLE tel_day_bitmap (
  app_id     VARCHAR(32) NOT NULL,
  usage_day  DATE        NOT NULL,
  machines   ${binary}   NOT NULL,
  CONSTRAINT pk_tel_day_bitmap PRIMARY KEY (app_id, usage_day),
  CONSTRAINT fk_tel_day_bitmap_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);

-- version adoption of closed days: machines whose last heartbeat of the day reported the version
CREATE TABLE tel_version_day (
  app_id       VARCHAR(32)  NOT NULL,
  usage_day    DATE         NOT NULL,
  app_version  VARCHAR(128) NOT NULL,
  machines     INTEGER      NOT NULL,
  CONSTRAINT pk_tel_version_day PRIMARY KEY (app_id, usage_day, app_version),
  CONSTRAINT fk_tel_version_day_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);

-- the heartbeats stored so far, one row each, become machines and machine-days (days as they were
-- bucketed: the server's zone); the heartbeat table is kept as it was and no longer written
INSERT INTO tel_machine (app_id, ordinal, machine_hash, first_day)
SELECT app_id, CAST(ROW_NUMBER() OVER (PARTITION BY app_id ORDER BY first_at, machine_hash) - 1 AS INTEGER), machine_hash, first_day
FROM (SELECT app_id, machine_hash, MIN(received_at) AS first_at, MIN(hb_day) AS first_day
      FROM heartbeat GROUP BY app_id, machine_hash) m;

INSERT INTO tel_machine_day (app_id, usage_day, ordinal, app_version, last_at)
SELECT h.app_id, h.hb_day, m.ordinal, COALESCE(MAX(h.app_version), ''), MAX(h.received_at)
FROM heartbeat h
JOIN tel_machine m ON m.app_id = h.app_id AND m.machine_hash = h.machine_hash
WHERE h.id = (SELECT MAX(l.id) FROM heartbeat l
              WHERE l.app_id = h.app_id AND l.machine_hash = h.machine_hash AND l.hb_day = h.hb_day)
GROUP BY h.app_id, h.hb_day, m.ordinal;

INSERT INTO tel_day (app_id, usage_day, new_machines, last_at)
SELECT d.app_id, d.usage_day,
       (SELECT COUNT(*) FROM tel_machine m WHERE m.app_id = d.app_id AND m.first_day = d.usage_day),
       MAX(d.last_at)
FROM tel_machine_day d
GROUP BY d.app_id, d.usage_day;
