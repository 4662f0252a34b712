-- Issue 16: rate limits counted together by every node. One row per limited key (e.g. the wrong
-- session-code guesses of one client address) with the start of its window and the attempts in it;
-- a node adds an attempt with one UPSERT and the timer leader deletes windows that have ended.
-- Only nodes of a cluster (PostgreSQL) use it; a server alone counts in memory as before.
CREATE TABLE attempt_counts (
    attempt_key  VARCHAR(200) PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INT NOT NULL
);
