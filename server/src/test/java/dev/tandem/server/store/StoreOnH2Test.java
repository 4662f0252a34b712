package dev.tandem.server.store;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;

/** The store on the embedded H2 database (the default). */
class StoreOnH2Test extends StoreContract {
    @Override
    DatabaseSettings settings() {
        try {
            return DatabaseSettings.embedded(Files.createTempDirectory("tandem-h2"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
