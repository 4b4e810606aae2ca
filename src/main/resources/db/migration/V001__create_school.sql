CREATE TABLE school (
    id BIGINT NOT NULL AUTO_INCREMENT,
    slug VARCHAR(60) NOT NULL,
    name VARCHAR(200) NOT NULL,
    jurisdiction VARCHAR(8) NOT NULL,
    default_language VARCHAR(8) NOT NULL,
    time_zone VARCHAR(60) NOT NULL,
    quick_exit_url VARCHAR(500),
    emergency_number VARCHAR(40),
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_school PRIMARY KEY (id),
    CONSTRAINT uq_school_slug UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
