-- Per school and category deadlines (a category without a row keeps the defaults of io.haven.report.Category),
-- how often an overdue urgent case is escalated again, and how long a closed case's content is kept.
CREATE TABLE school_deadline (
    id BIGINT NOT NULL AUTO_INCREMENT,
    school_id BIGINT NOT NULL,
    category VARCHAR(30) NOT NULL,
    acknowledge_minutes INT NOT NULL,
    review_minutes INT NOT NULL,
    CONSTRAINT pk_school_deadline PRIMARY KEY (id),
    CONSTRAINT uq_school_deadline UNIQUE (school_id, category),
    CONSTRAINT fk_school_deadline_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE school ADD COLUMN escalation_interval_minutes INT NOT NULL DEFAULT 240;
ALTER TABLE school ADD COLUMN retention_days INT NOT NULL DEFAULT 365;
