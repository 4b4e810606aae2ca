-- The staff case list shows open cases first, then urgent, then newest. Ordering by an expression on
-- status made MariaDB sort every case of the school (filesort) for each list; a generated column that
-- is true while the case is open, indexed with the other sort keys, lets LIMIT read only the first rows
-- of the index. Generated (virtual) so that every writer, including bulk SQL, keeps it right.
ALTER TABLE report_case ADD COLUMN is_open BOOLEAN GENERATED ALWAYS AS (status <> 'CLOSED');

CREATE INDEX ix_report_case_school_open ON report_case (school_id, is_open, urgent, created_at);
