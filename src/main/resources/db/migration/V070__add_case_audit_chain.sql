ALTER TABLE case_audit ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE case_audit ADD COLUMN row_hash VARCHAR(64);

CREATE TABLE audit_head (
    id INT NOT NULL,
    last_id BIGINT,
    last_hash VARCHAR(64),
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, NULL, NULL);
