package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import org.junit.jupiter.api.Test;

/** The whole server on PostgreSQL: first start, a session, chat, a restart. */
class ServerOnPostgresTest {

    @Test
    void aSessionRunsAndSurvivesARestartOnPostgres() {
        var database = PostgresServer.shared().newDatabase();
        try (RunningServer server = RunningServer.start(c -> c.withDatabase(database))) {
            Api tech = server.technician("pgbob");
            String code = tech.createCode("on postgres");
            try (RawDevice device = RawDevice.connect(server)) {
                String id = device.join(code, "Ana").get("session").asText();
                device.chat(1, "hola desde PostgreSQL ñ 😀");
                device.next("ack");
                server.restart();
                Api again = server.api().signIn("pgbob", "password-pgbob");
                assertThat(again.get("/api/v1/sessions/" + id + "/messages").json().findValuesAsText("text"))
                        .contains("hola desde PostgreSQL ñ 😀");
            }
        }
    }
}
