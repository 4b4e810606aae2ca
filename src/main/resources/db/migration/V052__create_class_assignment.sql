CREATE TABLE class_assignment (
    id BIGINT NOT NULL AUTO_INCREMENT,
    classroom_id BIGINT NOT NULL,
    module_id VARCHAR(80) NOT NULL,
    band VARCHAR(8) NOT NULL,
    due_on DATE,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_class_assignment PRIMARY KEY (id),
    CONSTRAINT uq_class_assignment_module UNIQUE (classroom_id, module_id),
    CONSTRAINT fk_class_assignment_classroom FOREIGN KEY (classroom_id) REFERENCES classroom (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
