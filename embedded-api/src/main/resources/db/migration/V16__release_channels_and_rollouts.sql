-- Release channels and staged rollouts, for app and module versions alike. A version is on a
-- channel ('stable' unless said otherwise) and in one state: draft (never released), rolling
-- (released to rollout percent of machines), released (to every machine), halted (offered only
-- to machines that have it) or disabled (taken back). `released` stays true while a version is
-- rolling, released or halted, so that everything reading it before keeps its meaning.
-- Existing versions: released ones become released at 100%, the others drafts; nothing else changes.
ALTER TABLE app_version ADD COLUMN channel VARCHAR(32) DEFAULT 'stable' NOT NULL;
ALTER TABLE app_version ADD COLUMN rollout INTEGER DEFAULT 100 NOT NULL;
ALTER TABLE app_version ADD COLUMN state VARCHAR(16) DEFAULT 'draft' NOT NULL;
ALTER TABLE app_version ADD COLUMN downgrade BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_version ADD COLUMN min_system_version VARCHAR(64);
ALTER TABLE app_version ADD COLUMN rollout_at TIMESTAMP WITH TIME ZONE;
UPDATE app_version SET state = 'released', rollout = 100, rollout_at = released_at WHERE released = TRUE;

ALTER TABLE module_version ADD COLUMN channel VARCHAR(32) DEFAULT 'stable' NOT NULL;
ALTER TABLE module_version ADD COLUMN rollout INTEGER DEFAULT 100 NOT NULL;
ALTER TABLE module_version ADD COLUMN state VARCHAR(16) DEFAULT 'draft' NOT NULL;
ALTER TABLE module_version ADD COLUMN downgrade BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE module_version ADD COLUMN min_system_version VARCHAR(64);
ALTER TABLE module_version ADD COLUMN rollout_at TIMESTAMP WITH TIME ZONE;
UPDATE module_version SET state = 'released', rollout = 100, rollout_at = released_at WHERE released = TRUE;

CREATE INDEX ix_app_version_channel ON app_version (app_id, channel);
CREATE INDEX ix_module_version_channel ON module_version (module_id, channel);
