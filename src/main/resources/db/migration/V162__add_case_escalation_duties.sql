-- A reminder to administrators now also covers required duties past their due time: how many were
-- overdue, and whether the reminder was (also) about the case not being acknowledged.
ALTER TABLE case_escalation ADD COLUMN overdue_duties INT NOT NULL DEFAULT 0;
ALTER TABLE case_escalation ADD COLUMN unacknowledged BOOLEAN NOT NULL DEFAULT TRUE;
