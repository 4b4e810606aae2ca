-- A fingerprint of each data key this database has seen (an HMAC of a constant under the key, which
-- reveals nothing of the key): a start with a different key under a known id is refused instead of
-- encrypting new rows with it and leaving the old ones unreadable.
CREATE TABLE crypto_key (
    key_id VARCHAR(16) NOT NULL,
    fingerprint CHAR(64) NOT NULL,
    first_seen DATETIME(6) NOT NULL,
    CONSTRAINT pk_crypto_key PRIMARY KEY (key_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
