CREATE TABLE classroom (
    id BIGINT NOT NULL AUTO_INCREMENT,
    school_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    band VARCHAR(8) NOT NULL,
    language VARCHAR(8) NOT NULL,
    join_code VARCHAR(16) NOT NULL,
    code_open BOOLEAN NOT NULL,
    code_expires_on DATE,
    seat_cap INT,
    archived_at TIMESTAMP(6),
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_classroom PRIMARY KEY (id),
    CONSTRAINT uq_classroom_join_code UNIQUE (join_code),
    CONSTRAINT fk_classroom_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT fk_classroom_owner FOREIGN KEY (owner_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_classroom_owner ON classroom (owner_id, school_id);
