-- The bytes of each stored log file, kept in the database as well when the server runs as one node of
-- several (issue 16): the file arrives on the node that holds the phone, and a technician's download
-- may reach any node. A server running alone keeps the files only under --data/logs.
CREATE TABLE log_file_copies (
    file_id    VARCHAR(40) PRIMARY KEY,
    session_id VARCHAR(40) NOT NULL,
    content    BYTEA       NOT NULL
);
CREATE INDEX log_file_copies_session ON log_file_copies (session_id);
