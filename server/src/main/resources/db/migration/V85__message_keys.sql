-- Issue 16: a technician's message sent with an idempotency key (the client's Idempotency-Key, or
-- one the node that forwarded the call made) is stored once, however often it is retried, also
-- when the retry reaches another node after the owner died: the key is written down here with the
-- seq its line takes, before the line, and a retry finds the line by it. Keys older than a day are
-- forgotten (a retry comes within seconds). Runs unchanged on H2 and PostgreSQL.
CREATE TABLE message_keys (
    session_id VARCHAR(40)  NOT NULL REFERENCES support_sessions (id),
    idem_key   VARCHAR(200) NOT NULL,
    seq        BIGINT       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, idem_key)
);

CREATE INDEX message_keys_created ON message_keys (created_at);
