-- The server's SMTP settings for e-mail alerts (one row, id 1), set by an admin. The password is
-- kept here and never shown in an answer.
CREATE TABLE alert_smtp (
  id             INTEGER       NOT NULL PRIMARY KEY,
  host           VARCHAR(255)  NOT NULL,
  port           INTEGER       NOT NULL,
  security       VARCHAR(16)   NOT NULL,
  username       VARCHAR(255),
  password       VARCHAR(255),
  from_address   VARCHAR(320)  NOT NULL
);
