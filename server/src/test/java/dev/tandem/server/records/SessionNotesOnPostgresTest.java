package dev.tandem.server.records;

import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RunningServer;

/** Private session notes on PostgreSQL (Debian's, started by the test setup). */
class SessionNotesOnPostgresTest extends SessionNotesContract {
    @Override
    RunningServer start() {
        return RunningServer.start(c -> c.withDatabase(PostgresServer.shared().newDatabase()));
    }
}
