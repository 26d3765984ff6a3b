-- The heartbeat log in the database, for several Beacons on one PostgreSQL (H2 keeps its log in
-- files in the data folder and leaves these tables empty). Each group commit appends one entry:
-- in one transaction it takes the next number from the one-row head (UPDATE ... seq = seq + 1,
-- whose row lock lines up the appenders of every instance, so entries commit in the order of
-- their numbers and none appears later below one already seen) and inserts the entry (its
-- heartbeats as the log files hold them, see BeatLog). Every instance folds the entries in order;
-- the instance holding the usage lease deletes those a snapshot holds once a few minutes old.
CREATE TABLE tel_log_head (
  id   INTEGER NOT NULL,
  seq  BIGINT  NOT NULL,
  CONSTRAINT pk_tel_log_head PRIMARY KEY (id)
);
-- numbers go on from the last snapshot's place in the log (the files' numbering until now)
INSERT INTO tel_log_head (id, seq) SELECT id, snapshot_seq FROM tel_snapshot WHERE id = 1;

CREATE TABLE tel_log_entry (
  seq         BIGINT                   NOT NULL,
  entry       ${binary}                NOT NULL,
  written_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  CONSTRAINT pk_tel_log_entry PRIMARY KEY (seq)
);

-- How many snapshots closed days: an instance whose memory still holds days another one closed
-- sees this change and reads the snapshot back.
ALTER TABLE tel_snapshot ADD COLUMN closings BIGINT DEFAULT 0 NOT NULL;
