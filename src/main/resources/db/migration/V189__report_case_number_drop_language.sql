-- The reporter's language was stored with every case and never read: one more detail about a child
-- that nobody needs. Cases get a number counted per school, shown to staff instead of the table's id,
-- which counts every school of the instance and so told one school the volume of the others.
-- (Separate statements: H2, the embedded database of the demo run and the tests, takes one change per
-- ALTER TABLE.)
ALTER TABLE report_case DROP COLUMN language;
ALTER TABLE report_case ADD COLUMN case_number INT;
ALTER TABLE school ADD COLUMN last_case_number INT NOT NULL DEFAULT 0;
UPDATE report_case SET case_number =
    (SELECT COUNT(*) FROM report_case earlier WHERE earlier.school_id = report_case.school_id AND earlier.id <= report_case.id);
UPDATE school SET last_case_number = (SELECT COUNT(*) FROM report_case WHERE report_case.school_id = school.id);
ALTER TABLE report_case MODIFY case_number INT NOT NULL;
ALTER TABLE report_case ADD CONSTRAINT uq_report_case_number UNIQUE (school_id, case_number);
