-- Usage analytics, third storage layout (issue 6): the open days live in memory and are written
-- to the database as snapshots; the heartbeat log is a set of files in DATA/usage-log (one entry
-- per group commit) that a snapshot empties. tel_machine_day and tel_beat (V7, V8) stay for the
-- rows an older version left there: the server reads them in at its next start and empties them.

-- A snapshot of an open day in memory, one row per 65,536 machine ordinals (part = ordinal >>> 16),
-- so that a snapshot rewrites only the parts that changed: for each machine of the part active
-- that day, the version and time of its last heartbeat (see OpenDay for the encoding).
CREATE TABLE tel_open_day (
  app_id     VARCHAR(32) NOT NULL,
  usage_day  DATE        NOT NULL,
  part       INTEGER     NOT NULL,
  machines   ${binary}   NOT NULL,
  CONSTRAINT pk_tel_open_day PRIMARY KEY (app_id, usage_day, part),
  CONSTRAINT fk_tel_open_day_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);

-- How far the snapshot goes: the log's entries up to snapshot_seq are in it (their files are deleted after it).
CREATE TABLE tel_snapshot (
  id            INTEGER NOT NULL,
  snapshot_seq  BIGINT  NOT NULL,
  CONSTRAINT pk_tel_snapshot PRIMARY KEY (id)
);
INSERT INTO tel_snapshot (id, snapshot_seq) VALUES (1, 0);

-- An app's machines heard for the first time, saved in blocks as they come (one row per few
-- thousand): machine hash, ordinal and first day of each (see MachineBlocks for the encoding).
-- The server keeps every app's machines in memory (hash to ordinal) and reads these blocks, and
-- tel_machine for machines saved by an older version, when it first needs them. One insert per
-- block instead of one row per machine in two indexes keyed by random hashes.
CREATE TABLE tel_machine_block (
  app_id         VARCHAR(32) NOT NULL,
  first_ordinal  INTEGER     NOT NULL,
  machines       ${binary}   NOT NULL,
  CONSTRAINT pk_tel_machine_block PRIMARY KEY (app_id, first_ordinal),
  CONSTRAINT fk_tel_machine_block_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
