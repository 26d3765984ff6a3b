-- App modules, their versions, and uploaded files. Portable between H2 2.x and PostgreSQL 13+.
-- Deleting an app removes its modules, and deleting a module its versions, in the same
-- transaction (ON DELETE CASCADE).

CREATE TABLE app_module (
  module_id    VARCHAR(32)   NOT NULL PRIMARY KEY,
  app_id       VARCHAR(32)   NOT NULL,
  name         VARCHAR(255)  NOT NULL,
  description  VARCHAR(4000),
  icon         VARCHAR(2000),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT fk_app_module_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
CREATE INDEX ix_app_module_app_created ON app_module (app_id, created_at);

-- the same columns as app_version, less the app-only platforms and force_update
CREATE TABLE module_version (
  version_id    VARCHAR(32)    NOT NULL PRIMARY KEY,
  module_id     VARCHAR(32)    NOT NULL,
  name          VARCHAR(255)   NOT NULL,
  code          INTEGER        NOT NULL,
  url           VARCHAR(2000),
  md5           VARCHAR(64),
  description   VARCHAR(20000),
  device_ids    VARCHAR(20000),
  released      BOOLEAN        DEFAULT FALSE NOT NULL,
  released_at   TIMESTAMP WITH TIME ZONE,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_module_version_code UNIQUE (module_id, code),
  CONSTRAINT fk_module_version_module FOREIGN KEY (module_id) REFERENCES app_module (module_id) ON DELETE CASCADE
);

-- files uploaded to DATA/files under a server-made name; versions point at them by url /files/{filename}
CREATE TABLE stored_file (
  file_id        VARCHAR(32)   NOT NULL PRIMARY KEY,
  filename       VARCHAR(64)   NOT NULL,
  original_name  VARCHAR(255),
  size_bytes     BIGINT        NOT NULL,
  md5            VARCHAR(32)   NOT NULL,
  content_type   VARCHAR(255),
  open_id        VARCHAR(32)   NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_stored_file_filename UNIQUE (filename),
  CONSTRAINT fk_stored_file_developer FOREIGN KEY (open_id) REFERENCES developer (open_id)
);
CREATE INDEX ix_stored_file_owner ON stored_file (open_id, created_at);
