-- When the school last received a report past its hourly volume. Reports update it under the school
-- row's lock before inserting, so exactly one report of a wave (none flagged in the hour before it)
-- alerts the administrators, however many arrive at once.
ALTER TABLE school ADD COLUMN volume_flagged_at DATETIME(6);
