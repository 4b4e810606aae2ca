-- First-run setup links. Only the keyed hash of each token is kept, in the database rather than in one
-- node's memory, so the link a node logs works on every node behind the load balancer.
CREATE TABLE setup_token (
    id BIGINT NOT NULL AUTO_INCREMENT,
    token_hash VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6) NULL,
    CONSTRAINT pk_setup_token PRIMARY KEY (id),
    CONSTRAINT uq_setup_token_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
