CREATE TABLE class_progress (
    id BIGINT NOT NULL AUTO_INCREMENT,
    seat_id BIGINT NOT NULL,
    module_id VARCHAR(80) NOT NULL,
    read_at TIMESTAMP(6) NOT NULL,
    completed_at TIMESTAMP(6),
    last_score INT,
    best_score INT,
    question_count INT,
    CONSTRAINT pk_class_progress PRIMARY KEY (id),
    CONSTRAINT uq_class_progress_seat_module UNIQUE (seat_id, module_id),
    CONSTRAINT fk_class_progress_seat FOREIGN KEY (seat_id) REFERENCES class_seat (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE class_answer (
    id BIGINT NOT NULL AUTO_INCREMENT,
    seat_id BIGINT NOT NULL,
    module_id VARCHAR(80) NOT NULL,
    question_id VARCHAR(80) NOT NULL,
    correct BOOLEAN NOT NULL,
    answered_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_class_answer PRIMARY KEY (id),
    CONSTRAINT uq_class_answer_question UNIQUE (seat_id, module_id, question_id),
    CONSTRAINT fk_class_answer_seat FOREIGN KEY (seat_id) REFERENCES class_seat (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
