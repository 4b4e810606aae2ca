-- When a scheduled job last took its lease, for the administrators' status page.
ALTER TABLE job_lease ADD COLUMN last_run_at DATETIME(6) NULL;
