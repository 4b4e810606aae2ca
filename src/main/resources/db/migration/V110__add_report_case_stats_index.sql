-- Statistics read, for one school and period, each case's category, status, outcome and the three
-- timestamps. With every column it reads in one index, the queries stay index-only range scans
-- (no row lookups) however many cases the school has; and these columns survive retention.
CREATE INDEX ix_report_case_stats ON report_case (school_id, created_at, category, status, outcome, acknowledged_at, closed_at);
