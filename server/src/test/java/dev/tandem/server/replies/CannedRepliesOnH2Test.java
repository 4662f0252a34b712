package dev.tandem.server.replies;

import dev.tandem.server.testing.RunningServer;

/** Canned replies on the embedded H2 database. */
class CannedRepliesOnH2Test extends CannedRepliesContract {
    @Override
    RunningServer start() {
        return RunningServer.start();
    }
}
