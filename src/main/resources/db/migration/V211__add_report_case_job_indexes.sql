-- The escalation job walks the cases not acknowledged in time in batches by id (EscalationJob). With this
-- index each batch is a seek on status and the two NULL columns plus an id range (InnoDB keeps the primary
-- key at the end of every secondary index): no sort, and none of the acknowledged cases, which are nearly all
-- of a large table. Without it the query scanned the whole table every minute (no index starts with status).
-- The retention job needs none: its batches read the table in primary key order from where the last one
-- stopped (one pass per run; measured at 1,000,000 cases with bench/growth.sh, the optimizer preferred that to
-- an index on (school_id, status, legal_hold, purged_at), which then only cost every write).
CREATE INDEX ix_report_case_unacknowledged ON report_case (status, purged_at, acknowledged_at);
