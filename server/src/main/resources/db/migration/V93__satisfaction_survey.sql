-- The satisfaction survey (issue 18): a portal may ask its customers, once a session is over, how
-- it went (1 to 5) with an optional comment. The customer answers with the one-time token the
-- session's end handed to their phone or browser (only its SHA-256 is kept), within a day, once.
-- The rating stays with the session row; the comment is the customer's words and goes with the
-- transcript when retention removes it.
ALTER TABLE portals ADD COLUMN survey_after_session BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE session_surveys (
    session_id   VARCHAR(40)   PRIMARY KEY REFERENCES support_sessions (id),
    token_hash   VARCHAR(64)   NOT NULL UNIQUE,
    asked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    rating       SMALLINT,
    comment      VARCHAR(1000),
    answered_at  TIMESTAMP WITH TIME ZONE
);
