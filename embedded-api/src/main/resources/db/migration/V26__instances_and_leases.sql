-- The Beacons serving a PostgreSQL database (any number may): each writes itself here when it
-- starts, renews last_seen every few seconds, and removes itself when it stops; a row not renewed
-- for a minute is a dead instance's, removed by the next one to renew. (H2: unused, one process.)
CREATE TABLE beacon_member (
  id          VARCHAR(64)   PRIMARY KEY,
  host        VARCHAR(255)  NOT NULL,
  data_folder VARCHAR(4096) NOT NULL,
  pid         BIGINT        NOT NULL,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Leases of scheduled jobs: one instance (holder: its member id) runs a job while it holds the
-- job's lease, renewing held_until; once that time has passed another instance may take it.
CREATE TABLE beacon_lease (
  name       VARCHAR(100) PRIMARY KEY,
  holder     VARCHAR(64)  NOT NULL,
  held_until TIMESTAMP WITH TIME ZONE NOT NULL
);
