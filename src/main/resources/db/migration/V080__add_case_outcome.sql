-- A closed case records how it ended (statistics read it after the content is purged), an optional
-- reason (encrypted: it may name people), the case it duplicates, and the incident it belongs to.
ALTER TABLE report_case ADD COLUMN outcome VARCHAR(30);
ALTER TABLE report_case ADD COLUMN outcome_reason_enc MEDIUMTEXT;
ALTER TABLE report_case ADD COLUMN duplicate_of_id BIGINT;
ALTER TABLE report_case ADD COLUMN incident_id BIGINT;

CREATE INDEX ix_report_case_incident ON report_case (incident_id);
