-- The audit head is authenticated: an HMAC over the last row's id and hash and the row count, so
-- deleting the newest rows and rewinding the head shows. The last verified row lets verification
-- carry on from where it stopped instead of re-reading the whole log on every view.
ALTER TABLE audit_head ADD COLUMN row_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_head ADD COLUMN head_mac VARCHAR(64);
ALTER TABLE audit_head ADD COLUMN verified_id BIGINT;
ALTER TABLE audit_head ADD COLUMN verified_hash VARCHAR(64);
