CREATE TABLE case_audit (
    id BIGINT NOT NULL AUTO_INCREMENT,
    school_id BIGINT NOT NULL,
    case_id BIGINT,
    staff_id BIGINT,
    action VARCHAR(40) NOT NULL,
    detail VARCHAR(500),
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_case_audit PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_case_audit_case ON case_audit (case_id, id);
CREATE INDEX ix_case_audit_school ON case_audit (school_id, id);

CREATE TABLE case_note (
    id BIGINT NOT NULL AUTO_INCREMENT,
    case_id BIGINT NOT NULL,
    staff_id BIGINT NOT NULL,
    body_enc MEDIUMTEXT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_case_note PRIMARY KEY (id),
    CONSTRAINT fk_case_note_case FOREIGN KEY (case_id) REFERENCES report_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_case_note_case ON case_note (case_id, created_at);
