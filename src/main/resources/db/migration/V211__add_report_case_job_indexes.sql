-- The retention and escalation jobs walk their cases in batches by id (RetentionJob, EscalationJob).
-- With these two indexes each batch is a seek on equalities plus an id range (InnoDB keeps the primary
-- key at the end of every secondary index): no sort, and no visit to the rows purged already or acknowledged,
-- which are nearly all of a large table. Measured at 1,000,000 cases (bench/growth.sh): without them the
-- retention batch query read every closed case of the school through ix_report_case_school_closed and
-- sorted by id, and the escalation query scanned the whole table (no index starts with status).
CREATE INDEX ix_report_case_retention ON report_case (school_id, status, legal_hold, purged_at);
CREATE INDEX ix_report_case_unacknowledged ON report_case (status, purged_at, acknowledged_at);
