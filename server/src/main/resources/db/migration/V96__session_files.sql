-- Files both ways (issue 18.5): files a technician sends to the customer's phone and files the
-- customer picks and sends back. Each file is kept with its session in pieces of at most 32 KiB
-- (the pieces the protocol carries, docs/files.md), in the database, so that any node of several
-- serves a download and an interrupted transfer goes on from the last piece stored, wherever the
-- phone reconnects. Retention removes them with the session's log files.
CREATE TABLE session_files (
    id           VARCHAR(40)  PRIMARY KEY,
    session_id   VARCHAR(40)  NOT NULL REFERENCES support_sessions (id),
    direction    VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    name         VARCHAR(120),
    size         BIGINT,
    sha256       VARCHAR(64),
    received     BIGINT       DEFAULT 0 NOT NULL,
    technician   VARCHAR(120) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX session_files_session ON session_files (session_id, created_at);

CREATE TABLE session_file_pieces (
    file_id  VARCHAR(40) NOT NULL REFERENCES session_files (id),
    idx      BIGINT      NOT NULL,
    content  BYTEA       NOT NULL,
    PRIMARY KEY (file_id, idx)
);
