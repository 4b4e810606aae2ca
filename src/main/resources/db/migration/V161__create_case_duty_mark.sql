-- What staff recorded about a legal duty of a case (content/duties): done (when, a reference number)
-- or not applicable (with a reason). Rows are only added; the newest row of a duty is its state.
-- Reference and reason are encrypted; retention clears them with the rest of the case's content.
CREATE TABLE case_duty_mark (
    id BIGINT NOT NULL AUTO_INCREMENT,
    case_id BIGINT NOT NULL,
    school_id BIGINT NOT NULL,
    duty_id VARCHAR(60) NOT NULL,
    state VARCHAR(20) NOT NULL,
    done_at DATETIME(6) NULL,
    reference_enc MEDIUMTEXT,
    reason_enc MEDIUMTEXT,
    staff_id BIGINT NOT NULL,
    marked_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_case_duty_mark PRIMARY KEY (id),
    CONSTRAINT fk_case_duty_mark_case FOREIGN KEY (case_id) REFERENCES report_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_case_duty_mark_case ON case_duty_mark (case_id, duty_id, id);
