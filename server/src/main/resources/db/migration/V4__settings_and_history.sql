-- Settings an administrator changes in the Management Center. They win over the command line;
-- a missing row means "use the command-line value". Runs unchanged on H2 and PostgreSQL.
CREATE TABLE settings (
    name          VARCHAR(64)   PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- When retention removed a session's transcript (with its diagnostics reports) and its log files.
-- The session row itself stays, so the history can say what was removed.
ALTER TABLE support_sessions ADD COLUMN transcript_removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE support_sessions ADD COLUMN log_files_removed_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX support_sessions_started ON support_sessions (started_at);
CREATE INDEX support_sessions_ended ON support_sessions (status, ended_at);
