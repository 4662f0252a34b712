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
                Api again = server.api().signIn("pgbob", RunningServer.password("pgbob"));
                assertThat(again.get("/api/v1/sessions/" + id + "/messages").json().findValuesAsText("text"))
                        .contains("hola desde PostgreSQL ñ 😀");
                Api admin = server.admin();
                assertThat(admin.get("/api/v1/sessions?technician=pgbob&portal=default&status=active&limit=5")
                        .expect(200).json().findValuesAsText("id")).containsExactly(id);
                assertThat(admin.get("/api/v1/sessions/" + id + "/history").expect(200).json()
                        .get("transcript").findValuesAsText("text")).contains("hola desde PostgreSQL ñ 😀");
                admin.put("/api/v1/settings", "{\"retention\":{\"transcriptDays\":30}}").expect(200);
                assertThat(admin.get("/api/v1/audit?action=session&session=" + id).expect(200).json()
                        .findValuesAsText("action")).contains("session.joined");
            }
        }
    }
}
