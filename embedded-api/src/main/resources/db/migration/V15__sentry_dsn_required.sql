-- V14 gave every app a DSN; from now on each app has one, unique
ALTER TABLE app ALTER COLUMN sentry_project_id SET NOT NULL;
ALTER TABLE app ALTER COLUMN sentry_key SET NOT NULL;
ALTER TABLE app ADD CONSTRAINT uq_app_sentry_project UNIQUE (sentry_project_id);
ALTER TABLE app ADD CONSTRAINT uq_app_sentry_key UNIQUE (sentry_key);
