CREATE TABLE routing_rule (
    id BIGINT NOT NULL AUTO_INCREMENT,
    school_id BIGINT NOT NULL,
    category VARCHAR(30),
    staff_id BIGINT NOT NULL,
    CONSTRAINT pk_routing_rule PRIMARY KEY (id),
    CONSTRAINT uq_routing_rule UNIQUE (school_id, category, staff_id),
    CONSTRAINT fk_routing_rule_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT fk_routing_rule_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
