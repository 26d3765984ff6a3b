-- Release health (issue 18): a closed day's machines per version, as a RoaringBitmap of their
-- usage ordinals, written with tel_version_day when the day closes (open days are in memory), so
-- that a version's machines over several days are an exact union, and the machines with errors
-- (V22) are counted among the same machines. Days closed before this version of Beacon keep only
-- their counts (tel_version_day): the health figures use those for the trend of such days.
CREATE TABLE tel_version_day_machines (
  app_id       VARCHAR(32)  NOT NULL,
  usage_day    DATE         NOT NULL,
  app_version  VARCHAR(128) NOT NULL,
  machines     ${binary}    NOT NULL,
  CONSTRAINT pk_tel_version_day_machines PRIMARY KEY (app_id, usage_day, app_version),
  CONSTRAINT fk_tel_version_day_machines_app FOREIGN KEY (app_id) REFERENCES app (app_id) ON DELETE CASCADE
);
