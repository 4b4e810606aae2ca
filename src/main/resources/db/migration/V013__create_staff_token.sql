CREATE TABLE staff_token (
    id BIGINT NOT NULL AUTO_INCREMENT,
    purpose VARCHAR(10) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    staff_id BIGINT NOT NULL,
    school_id BIGINT,
    created_at TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    used_at TIMESTAMP(6) NULL,
    CONSTRAINT pk_staff_token PRIMARY KEY (id),
    CONSTRAINT uq_staff_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_staff_token_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT fk_staff_token_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
