-- A pending request to close a case that needs a second member of staff to confirm (intimate images,
-- sextortion): who asked, and the outcome they proposed. At most one per case.
CREATE TABLE case_close_request (
    id BIGINT NOT NULL AUTO_INCREMENT,
    case_id BIGINT NOT NULL,
    school_id BIGINT NOT NULL,
    requested_by BIGINT NOT NULL,
    outcome VARCHAR(30) NOT NULL,
    reason_enc MEDIUMTEXT,
    duplicate_of_id BIGINT,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_case_close_request PRIMARY KEY (id),
    CONSTRAINT uq_case_close_request_case UNIQUE (case_id),
    CONSTRAINT fk_case_close_request_case FOREIGN KEY (case_id) REFERENCES report_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
