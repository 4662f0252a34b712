-- Issue 11: a customer's message is stored at most once, whatever crashes or retries happen
-- (the phone re-sends what was not acknowledged; the server answers with the stored seq). The
-- index also serves the look-up of a re-sent message's seq. Runs unchanged on H2 and PostgreSQL;
-- messages without a cseq (technician and system lines) are NULL and never collide.
CREATE UNIQUE INDEX messages_session_cseq ON messages (session_id, cseq);
