-- One-time form tokens that were used: a form sent twice (a refresh after "send", a double click, a
-- browser retry) finds its token here and changes nothing the second time. Only the keyed hash of a
-- token is kept, for a few days (FormOnce.KEPT), in the database so that every node sees it.
CREATE TABLE form_token_use (
    token_hash VARCHAR(64) NOT NULL,
    used_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_form_token_use PRIMARY KEY (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_form_token_use_used_at ON form_token_use (used_at);
