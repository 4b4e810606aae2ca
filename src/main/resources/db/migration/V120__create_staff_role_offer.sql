-- Roles offered to an existing account by a school's administrator. They take effect only when the
-- account's owner accepts them while signed in (an offer is never membership of the school).
CREATE TABLE staff_role_offer (
    id BIGINT NOT NULL AUTO_INCREMENT,
    staff_id BIGINT NOT NULL,
    school_id BIGINT NOT NULL,
    roles VARCHAR(60) NOT NULL,
    offered_by BIGINT,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_staff_role_offer PRIMARY KEY (id),
    CONSTRAINT uq_staff_role_offer UNIQUE (staff_id, school_id),
    CONSTRAINT fk_staff_role_offer_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT fk_staff_role_offer_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
