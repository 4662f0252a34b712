-- Issue 18.2, transfer and collaborate. A session's helpers: technicians invited to a session
-- besides its owner (support_sessions.technician_id); they see its chat and screen. A helper's row
-- stays after they leave (left_at), so the history says who helped. control_holder: the technician
-- whose viewer's input reaches the phone; NULL means the session's owner. Availability: what each
-- technician set in the console (available, busy, away); no row means available.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE session_helpers (
    session_id  VARCHAR(40) NOT NULL,
    user_id     BIGINT      NOT NULL REFERENCES users (id),
    invited_by  BIGINT      NOT NULL,
    joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    left_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX session_helpers_user ON session_helpers (user_id, left_at);
ALTER TABLE support_sessions ADD COLUMN control_holder BIGINT;
CREATE TABLE technician_availability (
    user_id     BIGINT      PRIMARY KEY REFERENCES users (id),
    status      VARCHAR(16) NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL
);
