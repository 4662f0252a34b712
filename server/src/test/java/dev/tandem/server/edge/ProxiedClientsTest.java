package dev.tandem.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.testing.Haproxy;
import dev.tandem.server.testing.LocalClient;
import dev.tandem.server.testing.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customers behind a real HAProxy are told apart by their own addresses: with the PROXY protocol v2
 * and with X-Forwarded-For from a trusted proxy. 20 wrong codes block the guesser, not the proxy.
 */
class ProxiedClientsTest {
    private static final int GUESSES_ALLOWED = 20;

    @TempDir
    Path dir;

    @Test
    void behindHaproxyWithProxyProtocolTwoCustomersAreCountedApart() throws Exception {
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge().withProxyProtocol(true)
                .withTrustedProxies(TrustedProxies.parse("127.0.0.1/32")).withAccessLog(EdgeSettings.AccessLogTarget.FILE)));
             Haproxy haproxy = Haproxy.proxyProtocol(dir, port(server))) {
            String code = server.technician("pia").createCode("proxied");
            guessUntilBlocked(LocalClient.from("127.0.0.2"), haproxy.port());
            String[] honest = LocalClient.from("127.0.0.3").get(haproxy.port(), "/api/v1/join/" + code);
            assertThat(honest[0]).as("another customer behind the same proxy").isEqualTo("200");
            server.close();
            String log = Files.readString(server.data().resolve("access.log"));
            assertThat(log).contains("127.0.0.2 - - [").contains("127.0.0.3 - - [");
        }
    }

    @Test
    void behindHaproxyWithForwardedForTwoCustomersAreCountedApartAndTheProtoIsBelieved() throws Exception {
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge()
                .withTrustedProxies(TrustedProxies.parse("127.0.0.1")).withAccessLog(EdgeSettings.AccessLogTarget.FILE)));
             Haproxy haproxy = Haproxy.forwardedFor(dir, port(server))) {
            String code = server.technician("paz").createCode("forwarded");
            // The guesser also forges a header; HAProxy appends the real address, which is the one counted.
            LocalClient guesser = LocalClient.from("127.0.0.2");
            for (int i = 0; i < GUESSES_ALLOWED; i++) {
                assertThat(guesser.get(haproxy.port(), "/api/v1/join/00000000" + (i % 10),
                        "X-Forwarded-For: 127.0.0." + (10 + i))[0]).isEqualTo("404");
            }
            assertThat(guesser.get(haproxy.port(), "/api/v1/join/" + code, "X-Forwarded-For: 127.0.0.99")[0]).isEqualTo("429");
            assertThat(LocalClient.from("127.0.0.3").get(haproxy.port(), "/api/v1/join/" + code)[0]).isEqualTo("200");
            // X-Forwarded-Proto: https from the proxy makes the response carry HSTS.
            String[] https = LocalClient.from("127.0.0.3").get(haproxy.port(), "/healthz");
            assertThat(https[0]).isEqualTo("200");
            assertThat(https[2]).containsIgnoringCase("Strict-Transport-Security: max-age=31536000");
            server.close();
            String log = Files.readString(server.data().resolve("access.log"));
            assertThat(log).contains("127.0.0.2 - - [").contains("127.0.0.3 - - [").doesNotContain("127.0.0.99");
        }
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
        try (RunningServer server = RunningServer.start(c -> c.withEdge(c.edge()
                .withTrustedProxies(TrustedProxies.parse("10.0.0.0/8"))))) {
            String code = server.technician("uma").createCode("direct");
            LocalClient guesser = LocalClient.from("127.0.0.2");
            for (int i = 0; i < GUESSES_ALLOWED; i++) {
                guesser.get(port(server), "/api/v1/join/00000000" + (i % 10), "X-Forwarded-For: 127.0.0." + (10 + i),
                        "Forwarded: for=127.0.0." + (40 + i));
            }
            assertThat(guesser.get(port(server), "/api/v1/join/" + code, "X-Forwarded-For: 127.0.0.99")[0]).isEqualTo("429");
            assertThat(LocalClient.from("127.0.0.3").get(port(server), "/api/v1/join/" + code)[0]).isEqualTo("200");
        }
    }

    private static void guessUntilBlocked(LocalClient guesser, int port) {
        for (int i = 0; i < GUESSES_ALLOWED; i++) {
            assertThat(guesser.get(port, "/api/v1/join/00000000" + (i % 10))[0]).isEqualTo("404");
        }
        assertThat(guesser.get(port, "/api/v1/join/000000001")[0]).isEqualTo("429");
    }

    private static int port(RunningServer server) {
        return server.server().port();
    }
}
