CREATE TABLE class_seat (
    id BIGINT NOT NULL AUTO_INCREMENT,
    classroom_id BIGINT NOT NULL,
    nickname VARCHAR(30) NOT NULL,
    nickname_key VARCHAR(30) NOT NULL,
    resume_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_class_seat PRIMARY KEY (id),
    CONSTRAINT uq_class_seat_nickname UNIQUE (classroom_id, nickname_key),
    CONSTRAINT uq_class_seat_resume UNIQUE (resume_hash),
    CONSTRAINT fk_class_seat_classroom FOREIGN KEY (classroom_id) REFERENCES classroom (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
