-- Optimistic versions on every case table that is changed after it is written: a write based on a
-- stale read fails (and is retried or shown as a conflict) instead of overwriting someone's change.
ALTER TABLE report_case ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_referral ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_close_request ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
