CREATE TABLE staff (
    id BIGINT NOT NULL AUTO_INCREMENT,
    email VARCHAR(320) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    password_hash VARCHAR(255),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    totp_secret LONGTEXT,
    totp_enrolled_at TIMESTAMP(6) NULL,
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    session_epoch INT NOT NULL DEFAULT 0,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_staff PRIMARY KEY (id),
    CONSTRAINT uq_staff_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
