CREATE TABLE mail_outbox (
    id BIGINT NOT NULL AUTO_INCREMENT,
    recipient VARCHAR(320) NOT NULL,
    subject VARCHAR(300) NOT NULL,
    body_text MEDIUMTEXT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    last_error VARCHAR(500),
    sent_at TIMESTAMP(6),
    failed_at TIMESTAMP(6),
    CONSTRAINT pk_mail_outbox PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_mail_outbox_due ON mail_outbox (sent_at, failed_at, next_attempt_at);

CREATE TABLE job_lease (
    name VARCHAR(60) NOT NULL,
    holder VARCHAR(80),
    expires_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_job_lease PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
