package dev.tandem.server.records;

import dev.tandem.server.testing.RunningServer;

/** Private session notes on the embedded H2 database. */
class SessionNotesOnH2Test extends SessionNotesContract {
    @Override
    RunningServer start() {
        return RunningServer.start();
    }
}
