-- SHA-1, SHA-256 and SHA-512 of uploaded files (lower-case hex), computed while the upload
-- streams, for the update feeds. Files uploaded before are hashed once at the next start.
ALTER TABLE stored_file ADD COLUMN sha1 VARCHAR(40);
ALTER TABLE stored_file ADD COLUMN sha256 VARCHAR(64);
ALTER TABLE stored_file ADD COLUMN sha512 VARCHAR(128);
