package dev.tandem.server.replies;

import dev.tandem.server.testing.RunningServer;

/** Canned replies and private session notes on the embedded H2 database. */
class RepliesAndNotesOnH2Test extends RepliesAndNotesContract {
    @Override
    RunningServer start() {
        return RunningServer.start();
    }
}
