package dev.tandem.server.store;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.testing.PostgresServer;

/** The store on a real PostgreSQL server (production). */
class StoreOnPostgresTest extends StoreContract {
    @Override
    DatabaseSettings settings() {
        return PostgresServer.shared().newDatabase();
    }
}
