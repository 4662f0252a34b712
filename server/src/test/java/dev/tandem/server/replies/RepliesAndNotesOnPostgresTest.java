package dev.tandem.server.replies;

import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RunningServer;

/** Canned replies and private session notes on PostgreSQL (Debian's, started by the test setup). */
class RepliesAndNotesOnPostgresTest extends RepliesAndNotesContract {
    @Override
    RunningServer start() {
        return RunningServer.start(c -> c.withDatabase(PostgresServer.shared().newDatabase()));
    }
}
