-- ix_report_case_school_created (school_id, created_at) is a prefix of ix_report_case_stats (school_id,
-- created_at, category, status, outcome, acknowledged_at, closed_at), which serves every query it served;
-- keeping both only costs every report write a second index update.
DROP INDEX ix_report_case_school_created ON report_case;
