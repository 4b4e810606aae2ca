-- The referral decision of a case: to whom it was referred (police, child protection, a hotline, a
-- takedown service) with their reference numbers, or why it was not (NONE). Texts are encrypted.
CREATE TABLE case_referral (
    id BIGINT NOT NULL AUTO_INCREMENT,
    case_id BIGINT NOT NULL,
    school_id BIGINT NOT NULL,
    kind VARCHAR(30) NOT NULL,
    reference_enc MEDIUMTEXT,
    reason_none_enc MEDIUMTEXT,
    staff_id BIGINT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_case_referral PRIMARY KEY (id),
    CONSTRAINT fk_case_referral_case FOREIGN KEY (case_id) REFERENCES report_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_case_referral_case ON case_referral (case_id, created_at);
