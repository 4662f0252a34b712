package dev.tandem.server.replies;

import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RunningServer;

/** Canned replies on PostgreSQL (Debian's, started by the test setup). */
class CannedRepliesOnPostgresTest extends CannedRepliesContract {
    @Override
    RunningServer start() {
        return RunningServer.start(c -> c.withDatabase(PostgresServer.shared().newDatabase()));
    }
}
