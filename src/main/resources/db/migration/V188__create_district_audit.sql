-- Actions that belong to no school (district administrators invited, the provisioning file applied).
-- School actions stay in each school's audit chain.
CREATE TABLE district_audit (
    id BIGINT NOT NULL AUTO_INCREMENT,
    staff_id BIGINT NULL,
    action VARCHAR(40) NOT NULL,
    detail VARCHAR(500) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_district_audit PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
