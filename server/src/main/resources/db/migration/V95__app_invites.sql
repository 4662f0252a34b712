-- Issue 18.1, from chat to the app: the one-time tokens a technician's "Invite to the app" hands a
-- chat-only customer. Only the SHA-256 is kept; a token is spent by one conditional update (used_at
-- from NULL, before expires_at), so it works once, on any node. No foreign key: retention deletes
-- a session's invites with it (RetentionStore). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE app_invites (
    token_hash  VARCHAR(64) PRIMARY KEY,
    session_id  VARCHAR(40) NOT NULL,
    invited_by  BIGINT      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX app_invites_session ON app_invites (session_id);
