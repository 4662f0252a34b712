-- The expiry job asks every second for the waiting codes that are due. Without an index it read every
-- code ever made: with 2,000 phones joined, 2,000 rows a second, for one or two that were due.
CREATE INDEX session_codes_expiry ON session_codes (status, expires_at);
