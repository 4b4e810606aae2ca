-- The age band the reporter chose for the person it happened to (5-7, 8-10, 11-13, 14-18, adult,
-- not-sure): only the band, never an age. Earlier reports are "not sure", which counts as a minor.
ALTER TABLE report_case ADD COLUMN age_band VARCHAR(10) NOT NULL DEFAULT 'not-sure';
