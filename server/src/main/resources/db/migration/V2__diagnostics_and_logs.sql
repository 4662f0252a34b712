-- Remote Diagnostics: every report a phone sent, kept with its session.
CREATE TABLE diagnostics_reports (
    id           VARCHAR(40)     PRIMARY KEY,
    session_id   VARCHAR(40)     NOT NULL REFERENCES support_sessions (id),
    collected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    report       VARCHAR(100000) NOT NULL
);
CREATE INDEX diagnostics_reports_session ON diagnostics_reports (session_id, collected_at);

-- Log files a phone uploaded; the bytes live under --data/logs/<session>/<id>.
CREATE TABLE log_files (
    id         VARCHAR(40)  PRIMARY KEY,
    session_id VARCHAR(40)  NOT NULL REFERENCES support_sessions (id),
    name       VARCHAR(120) NOT NULL,
    size       BIGINT       NOT NULL,
    sha256     VARCHAR(64)  NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX log_files_session ON log_files (session_id, stored_at);
