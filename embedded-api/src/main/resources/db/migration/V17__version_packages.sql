-- The packages of a version, one per platform and architecture (a Windows, a macOS and a Linux
-- build of one version), for the update feeds. Each row belongs to an app version or a module
-- version and goes with it. Hashes are lower-case hex, as entered or as computed at upload.
CREATE TABLE version_package (
  package_id         VARCHAR(32)   NOT NULL PRIMARY KEY,
  app_version_id     VARCHAR(32),
  module_version_id  VARCHAR(32),
  position           INTEGER       NOT NULL,
  platform           VARCHAR(32)   NOT NULL,
  arch               VARCHAR(32),
  url                VARCHAR(2000) NOT NULL,
  file_id            VARCHAR(32),
  size_bytes         BIGINT,
  md5                VARCHAR(64),
  sha1               VARCHAR(40),
  sha256             VARCHAR(64),
  sha512             VARCHAR(128),
  ed_signature       VARCHAR(200),
  CONSTRAINT fk_package_app_version FOREIGN KEY (app_version_id) REFERENCES app_version (version_id) ON DELETE CASCADE,
  CONSTRAINT fk_package_module_version FOREIGN KEY (module_version_id) REFERENCES module_version (version_id) ON DELETE CASCADE
);
CREATE INDEX ix_package_app_version ON version_package (app_version_id);
CREATE INDEX ix_package_module_version ON version_package (module_version_id);
CREATE INDEX ix_package_url ON version_package (url);
