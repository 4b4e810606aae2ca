CREATE TABLE report_case (
    id BIGINT NOT NULL AUTO_INCREMENT,
    school_id BIGINT NOT NULL,
    category VARCHAR(30) NOT NULL,
    affected VARCHAR(20) NOT NULL,
    danger_now BOOLEAN NOT NULL,
    urgent BOOLEAN NOT NULL,
    volume_flagged BOOLEAN NOT NULL,
    status VARCHAR(20) NOT NULL,
    receipt_hash VARCHAR(64) NOT NULL,
    language VARCHAR(8) NOT NULL,
    where_enc MEDIUMTEXT,
    when_enc MEDIUMTEXT,
    body_enc MEDIUMTEXT,
    contact_enc MEDIUMTEXT,
    created_at TIMESTAMP(6) NOT NULL,
    acknowledge_by TIMESTAMP(6) NOT NULL,
    review_by TIMESTAMP(6) NOT NULL,
    acknowledged_at TIMESTAMP(6),
    closed_at TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL,
    assignee_id BIGINT,
    about_staff_id BIGINT,
    CONSTRAINT pk_report_case PRIMARY KEY (id),
    CONSTRAINT uq_report_case_receipt UNIQUE (receipt_hash),
    CONSTRAINT fk_report_case_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_report_case_school_status ON report_case (school_id, status, urgent, created_at);
CREATE INDEX ix_report_case_school_created ON report_case (school_id, created_at);

CREATE TABLE case_message (
    id BIGINT NOT NULL AUTO_INCREMENT,
    case_id BIGINT NOT NULL,
    from_reporter BOOLEAN NOT NULL,
    staff_id BIGINT,
    body_enc MEDIUMTEXT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_case_message PRIMARY KEY (id),
    CONSTRAINT fk_case_message_case FOREIGN KEY (case_id) REFERENCES report_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_case_message_case ON case_message (case_id, created_at);
