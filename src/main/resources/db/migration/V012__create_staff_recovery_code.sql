CREATE TABLE staff_recovery_code (
    id BIGINT NOT NULL AUTO_INCREMENT,
    staff_id BIGINT NOT NULL,
    code_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    used_at TIMESTAMP(6) NULL,
    CONSTRAINT pk_staff_recovery_code PRIMARY KEY (id),
    CONSTRAINT uq_staff_recovery_code UNIQUE (staff_id, code_hash),
    CONSTRAINT fk_staff_recovery_code_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
