package dev.tandem.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.LoopbackHttp;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Nothing one client does stalls the others: 500 slow connections from five addresses (slow
 * headers, slow bodies, answers never read) are held against a real server while {@code /healthz},
 * a sign-in and a chat round trip keep answering within 200 ms (90th percentile; every probe is
 * printed). The run lasts {@code -Dtandem.slowClients.seconds} (default 15; the run is 30).
 */
class SlowClientsTest {
    private static final int SECONDS = Integer.getInteger("tandem.slowClients.seconds", 15);
    private static final int CONNECTIONS = 500;
    private static final double GOAL_MS = 200;

    @Test
    void fiveHundredSlowConnectionsFromFiveAddressesStallNobodyElse() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Api tech = server.technician("steady");
            int port = java.net.URI.create(server.baseUrl()).getPort();
            String big = biggestAsset(server);
            List<Double> health = new ArrayList<>();
            List<Double> signIn = new ArrayList<>();
            List<Double> chat = new ArrayList<>();
            try (RawDevice device = RawDevice.connect(server)) {
                String session = device.join(tech.createCode("steady customer"), "Ana").get("session").asText();
                long cseq = 0;
                try (SlowClients attack = new SlowClients(port, List.of("127.0.0.2", "127.0.0.3", "127.0.0.4",
                        "127.0.0.5", "127.0.0.6"), CONNECTIONS, big)) {
                    long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
                    int maxThreads = 0;
                    while (System.nanoTime() < end) {
                        health.add(timed(() -> assertThat(LoopbackHttp.send("127.0.0.1", port, "GET", "/healthz", null)
                                .status()).isEqualTo(200)));
                        signIn.add(timed(() -> assertThat(LoopbackHttp.send("127.0.0.1", port, "POST", "/api/v1/auth/token",
                                "{\"username\":\"steady\",\"password\":\"password-steady\"}").status()).isEqualTo(200)));
                        long mine = ++cseq;
                        chat.add(timed(() -> {
                            String text = "probe " + mine;
                            tech.post("/api/v1/sessions/" + session + "/messages", "{\"text\":\"" + text + "\"}").expect(201);
                            device.chatWithText(text);
                            device.chat(mine, "reply " + mine);
                            device.next("ack");
                        }));
                        maxThreads = Math.max(maxThreads, serverThreads());
                        Thread.sleep(200);
                    }
                    System.out.printf(Locale.ROOT, "slow clients: %d connections from %d addresses held %d s (%d opened, "
                                    + "%d closed by the server and opened again, %.0f open on the server at the end); server threads "
                                    + "at most %d; %s; %s; %s%n", CONNECTIONS, attack.addresses().size(), SECONDS, attack.opened(),
                            attack.closedByServer(), metric(server, "tandem_connections_open"), maxThreads, summary("healthz", health),
                            summary("sign-in", signIn), summary("chat round trip", chat));
                    assertThat(metric(server, "tandem_connections_open")).as("the slow connections were held, not refused")
                            .isGreaterThan(CONNECTIONS / 2);
                }
            }
            assertThat(percentile(health, 90)).as("healthz p90 ms").isLessThanOrEqualTo(GOAL_MS);
            assertThat(percentile(signIn, 90)).as("sign-in p90 ms").isLessThanOrEqualTo(GOAL_MS);
            assertThat(percentile(chat, 90)).as("chat round trip p90 ms").isLessThanOrEqualTo(GOAL_MS);
        }
    }

    @Test
    void anAddressPastItsConnectionLimitIsRefusedWhileOthersConnect() throws Exception {
        try (RunningServer server = RunningServer.start(c -> c.withClientLimits(
                new dev.tandem.server.ServerConfig.ClientLimits(20, 8, Duration.ofSeconds(2), Duration.ofSeconds(2), 50)))) {
            int port = java.net.URI.create(server.baseUrl()).getPort();
            try (SlowClients greedy = new SlowClients(port, List.of("127.0.0.7"), 60, "/healthz")) {
                Thread.sleep(1500);
                assertThat(metric(server, "tandem_connections_open")).as("one address holds at most its limit")
                        .isLessThanOrEqualTo(20 + 1);
                assertThat(metric(server, "tandem_connections_refused_per_address")).isGreaterThanOrEqualTo(40);
                assertThat(LoopbackHttp.send("127.0.0.8", port, "GET", "/healthz", null).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsRefusedWith408AndASentence() throws Exception {
        try (RunningServer server = RunningServer.start(c -> c.withClientLimits(
                new dev.tandem.server.ServerConfig.ClientLimits(20, 8, Duration.ofSeconds(2), Duration.ofSeconds(2), 50)))) {
            int port = java.net.URI.create(server.baseUrl()).getPort();
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
                socket.getOutputStream().write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"user").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.setSoTimeout(10_000);
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"body_too_slow\"")
                        .contains("did not arrive within 2 seconds");
            }
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
                socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaa".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
                socket.setSoTimeout(10_000);
                long start = System.nanoTime();
                assertThat(socket.getInputStream().read()).as("closed, headers too slow").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            }
            assertThat(LoopbackHttp.send("127.0.0.1", port, "POST", "/api/v1/auth/token",
                    "{\"username\":\"nobody\",\"password\":\"x\"}").status()).as("a whole body is read as before").isEqualTo(401);
        }
    }

    /** A gauge's value from {@code /metrics} (read from another address, so it is never refused). */
    private static double metric(RunningServer server, String name) {
        int port = java.net.URI.create(server.baseUrl()).getPort();
        for (String line : LoopbackHttp.send("127.0.0.9", port, "GET", "/metrics", null).body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).strip());
            }
        }
        throw new AssertionError("No metric " + name);
    }

    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("tandem-http")).count();
    }

    private static String biggestAsset(RunningServer server) {
        String index = server.api().get("/").body();
        java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("/assets/[^\"]+\\.js").matcher(index);
        return scripts.find() ? scripts.group() : "/";
    }

    private static double timed(ThrowingRunnable probe) throws Exception {
        long start = System.nanoTime();
        probe.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String summary(String what, List<Double> values) {
        return String.format(Locale.ROOT, "%s p50 %.1f ms p90 %.1f ms max %.1f ms (%d probes)", what,
                percentile(values, 50), percentile(values, 90), percentile(values, 100), values.size());
    }
}
