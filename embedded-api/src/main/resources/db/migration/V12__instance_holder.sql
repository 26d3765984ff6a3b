-- Who holds a PostgreSQL database: the one Beacon serving it writes itself here (one row) while
-- it holds the database's advisory lock, so that a second one, refused, can name it.
CREATE TABLE beacon_instance (
  id          INT PRIMARY KEY,
  host        VARCHAR(255)  NOT NULL,
  data_folder VARCHAR(4096) NOT NULL,
  pid         BIGINT        NOT NULL,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
