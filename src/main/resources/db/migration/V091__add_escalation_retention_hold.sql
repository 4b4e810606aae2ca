-- Each reminder to administrators about an overdue urgent case (part of the case record).
CREATE TABLE case_escalation (
    id BIGINT NOT NULL AUTO_INCREMENT,
    case_id BIGINT NOT NULL,
    school_id BIGINT NOT NULL,
    sent_at TIMESTAMP(6) NOT NULL,
    recipients INT NOT NULL,
    CONSTRAINT pk_case_escalation PRIMARY KEY (id),
    CONSTRAINT fk_case_escalation_case FOREIGN KEY (case_id) REFERENCES report_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_case_escalation_case ON case_escalation (case_id, sent_at);

-- Retention: when the content was deleted. Legal hold: stops that purge; the reason is encrypted.
ALTER TABLE report_case ADD COLUMN purged_at TIMESTAMP(6) NULL;
ALTER TABLE report_case ADD COLUMN legal_hold BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE report_case ADD COLUMN legal_hold_since TIMESTAMP(6) NULL;
ALTER TABLE report_case ADD COLUMN legal_hold_by BIGINT;
ALTER TABLE report_case ADD COLUMN legal_hold_reason_enc MEDIUMTEXT;

CREATE INDEX ix_report_case_school_closed ON report_case (school_id, status, closed_at);
