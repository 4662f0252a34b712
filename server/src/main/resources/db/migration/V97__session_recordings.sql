-- Session recording (issue 18.6, docs/recording.md): where a portal records its sessions, the
-- server keeps the RFB bytes it relays to the viewers and the input it passes to the phone, with
-- timestamps and without re-encoding, in chunks in the database so any node plays them back.
-- A recording is one node's part of a session (a session that moves to another node gets a second
-- part there). Retention removes recordings with the transcript; the sum of bytes counts toward
-- the storage limit of the settings.
ALTER TABLE portals ADD COLUMN record_sessions BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE session_recordings (
    id          VARCHAR(40)   PRIMARY KEY,
    session_id  VARCHAR(40)   NOT NULL REFERENCES support_sessions (id),
    node        VARCHAR(100)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    bytes       BIGINT        DEFAULT 0 NOT NULL,
    incomplete  VARCHAR(40)
);
CREATE INDEX session_recordings_session ON session_recordings (session_id, started_at);

CREATE TABLE recording_chunks (
    recording_id  VARCHAR(40)  NOT NULL REFERENCES session_recordings (id) ON DELETE CASCADE,
    seq           INTEGER      NOT NULL,
    content       BYTEA        NOT NULL,
    PRIMARY KEY (recording_id, seq)
);
