CREATE TABLE staff_role (
    id BIGINT NOT NULL AUTO_INCREMENT,
    staff_id BIGINT NOT NULL,
    school_id BIGINT,
    role VARCHAR(20) NOT NULL,
    CONSTRAINT pk_staff_role PRIMARY KEY (id),
    CONSTRAINT uq_staff_role UNIQUE (staff_id, school_id, role),
    CONSTRAINT fk_staff_role_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT fk_staff_role_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_staff_role_school ON staff_role (school_id, role);
