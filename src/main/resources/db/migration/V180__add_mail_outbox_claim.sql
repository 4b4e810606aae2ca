-- Each mail is claimed by one sender at a time (a token and an expiry per row), so that a send slower
-- than the job lease never lets a second node send the same mail. Subjects are now stored encrypted,
-- which makes them longer than the text they hold.
ALTER TABLE mail_outbox ADD COLUMN claim_token VARCHAR(40);
ALTER TABLE mail_outbox ADD COLUMN claimed_until DATETIME(6);
ALTER TABLE mail_outbox MODIFY subject VARCHAR(1500) NOT NULL;
