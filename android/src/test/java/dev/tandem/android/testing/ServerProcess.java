package dev.tandem.android.testing;

import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The real Tandem server for the app's tests, in a JVM of its own (Robolectric's sandbox must not
 * load a whole server): prints {@code READY <base URL> <technician token>}, then obeys lines on stdin:
 * {@code advance <seconds>} moves the server's clock (request timeouts), {@code survey} makes the
 * default portal ask its customers how it went, {@code quit} stops it. Each command is answered with
 * {@code OK}.
 */
public final class ServerProcess {
    private ServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        RunningServer server = RunningServer.start();
        Api technician = server.technician("tess");
        System.out.println("READY " + server.baseUrl() + " " + technician.token());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null && !line.equals("quit"); ) {
            if (line.startsWith("advance ")) {
                server.clock().advance(Duration.ofSeconds(Long.parseLong(line.substring("advance ".length()).trim())));
            } else if (line.equals("survey")) {
                server.admin().put("/api/v1/portals/default", "{\"surveyAfterSession\":true}").expect(200);
            }
            System.out.println("OK");
            System.out.flush();
        }
        server.close();
        System.exit(0);
    }
}
