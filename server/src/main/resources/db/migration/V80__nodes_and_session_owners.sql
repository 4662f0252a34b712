-- Issue 16: several servers (nodes) on one PostgreSQL. Runs unchanged on H2 and PostgreSQL.
--
-- Each node upserts its row every few seconds; a row whose heartbeat is older than a few
-- intervals belongs to a dead node, whose sessions another node may take over.
CREATE TABLE nodes (
    id           VARCHAR(40)  PRIMARY KEY,
    address      VARCHAR(255) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    stopping     BOOLEAN      NOT NULL DEFAULT FALSE,
    phones       INT          NOT NULL DEFAULT 0,
    consoles     INT          NOT NULL DEFAULT 0,
    viewers      INT          NOT NULL DEFAULT 0
);

-- The node that holds a live session's phone, and the fencing epoch: a node raises the epoch when
-- it takes the session, and every transcript write checks it, so a replaced owner's writes fail.
-- owner_node is NULL for sessions started before this version and for a server running alone.
ALTER TABLE support_sessions ADD COLUMN owner_node VARCHAR(40);
ALTER TABLE support_sessions ADD COLUMN owner_epoch BIGINT NOT NULL DEFAULT 0;
CREATE INDEX support_sessions_owner ON support_sessions (owner_node, status);
