-- The newest audit row of each school that a check found intact. Viewing the audit page verifies only that
-- school's rows after it (each row's keyed hash and its link to the row before it), so a view costs what
-- changed since the last one, and one school's break is never another school's to see.
CREATE TABLE audit_school_verified (
    school_id BIGINT NOT NULL,
    verified_id BIGINT NOT NULL,
    CONSTRAINT pk_audit_school_verified PRIMARY KEY (school_id),
    CONSTRAINT fk_audit_school_verified_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
