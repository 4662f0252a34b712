package dev.tandem.e2e.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.DeviceProfile;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.vnc.ListenAddress;
import dev.tandem.vnc.TandemServerUrl;
import dev.tandem.vnc.VncBridge;
import dev.tandem.vnc.VncCommand;
import java.io.DataInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code tandem vnc} against a real server and virtual phones: it refuses in one line what cannot
 * be viewed, asks for the screen when told to, serves RFB, and says why when the server closes.
 */
class VncCommandTest {
    private static final Pattern READY = Pattern.compile("VNC server for session (\\S+) at 127\\.0\\.0\\.1:(\\d+)");
    private static RunningServer server;
    private static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("omar");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One run of the command in this JVM, with its stdout and stderr. */
    private static final class Run {
        final VncCommand command = new VncCommand();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> exit;

        Run(String... args) {
            CommandLine line = new CommandLine(command);
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            exit = CompletableFuture.supplyAsync(() -> line.execute(args));
        }

        int exitCode() throws Exception {
            return exit.get(20, TimeUnit.SECONDS);
        }

        int awaitReadyPort() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !exit.isDone()) {
                Matcher ready = READY.matcher(out.toString());
                if (ready.find()) {
                    return Integer.parseInt(ready.group(2));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no ready line; stdout: " + out + " stderr: " + err);
        }

        String awaitErr(String part) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !err.toString().contains(part)) {
                Thread.sleep(20);
            }
            return err.toString();
        }
    }

    private static Run vnc(String session, String token, String... extra) {
        String[] args = new String[8 + extra.length];
        String[] fixed = {"--server", server.baseUrl(), "--session", session, "--token", token, "--listen", ":0"};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(extra, 0, args, fixed.length, extra.length);
        return new Run(args);
    }

    private static PhoneCustomer join(DeviceProfile profile) throws Exception {
        return PhoneCustomer.join(server.baseUrl(), tech.createCode("vnc command"), profile);
    }

    @Test
    void aWrongTokenIsOneLineAndExitThree() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG)) {
            Run run = vnc(customer.session(), "not-a-token");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err.toString().strip().lines()).hasSize(1);
            assertThat(run.err.toString()).contains("refused the token (401)").contains("--token");
            assertThat(run.out.toString()).isEmpty();
        }
    }

    @Test
    void anUnknownSessionIsOneLineAndExitThree() throws Exception {
        Run run = vnc("s_doesnotexist", tech.token());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err.toString().strip().lines()).hasSize(1);
        assertThat(run.err.toString()).contains("s_doesnotexist").contains("--session");
    }

    @Test
    void aChatOnlyPhoneIsRefusedWithThePhonesReason() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.GENERIC)) {
            Run run = vnc(customer.session(), tech.token(), "--request");
            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.err.toString().strip().lines()).hasSize(1);
            assertThat(run.err.toString()).contains(DeviceProfile.CHAT_ONLY_REASON).contains("by chat");
        }
    }

    @Test
    void anEndedSessionIsOneLineAndExitFour() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG)) {
            tech.post("/api/v1/sessions/" + customer.session() + "/end", "{}").expect(200);
            Run run = vnc(customer.session(), tech.token());
            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.err.toString().strip().lines()).hasSize(1);
            assertThat(run.err.toString()).contains("has ended");
        }
    }

    @Test
    void theBridgeClosesTheViewerWhenTheServerRefusesAndSaysWhy() throws Exception {
        BlockingQueue<String> notices = new LinkedBlockingQueue<>();
        try (PhoneCustomer customer = join(DeviceProfile.GENERIC);
             VncBridge bridge = VncBridge.start(ListenAddress.parse(":0"), TandemServerUrl.parse(server.baseUrl()),
                     customer.session(), tech.token(), notices::add);
             Socket viewer = new Socket("127.0.0.1", bridge.address().port())) {
            viewer.setSoTimeout(10_000);
            assertThat(viewer.getInputStream().readAllBytes()).as("RFB bytes from a chat-only phone").isEmpty();
            String notice = notices.poll(5, TimeUnit.SECONDS);
            assertThat(notice).contains("cannot share its screen").contains("[4030]").contains("by chat");
        }
    }

    @Test
    void anUnsharedScreenNeedsRequestAndThenServesUntilTheCustomerStops() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            Run refused = vnc(session, tech.token());
            assertThat(refused.exitCode()).isEqualTo(4);
            assertThat(refused.err.toString().strip().lines()).hasSize(1);
            assertThat(refused.err.toString()).contains("not shared (off)").contains("--request");

            Run run = vnc(session, tech.token(), "--request");
            int port = run.awaitReadyPort();
            assertThat(run.out.toString().strip()).isEqualTo("VNC server for session " + session + " at 127.0.0.1:" + port);
            assertThat(customer.nextSharing()).isEqualTo("screen=true,control=false"); // the default portal shares
            try (Socket viewer = new Socket("127.0.0.1", port)) {
                viewer.setSoTimeout(10_000);
                byte[] greeting = new byte[12];
                new DataInputStream(viewer.getInputStream()).readFully(greeting);
                assertThat(new String(greeting, StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");

                assertThat(customer.phone.stopSharing()).isTrue();
                assertThat(run.awaitErr("[4032]")).contains("the customer stopped sharing [4032]")
                        .contains("--request");
                assertThat(viewer.getInputStream().readAllBytes()).isEmpty();
            }
            assertThat(run.exit).isNotDone(); // still serving: the next viewer may come after a new request
            run.command.stop();
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void controlIsAskedForWithControl() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG)) {
            Run run = vnc(customer.session(), tech.token(), "--control");
            run.awaitReadyPort();
            customer.nextPrompt("control");
            assertThat(run.err.toString()).contains("Asked the customer for control");
            run.command.stop();
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void aListenPortInUseIsOneLineAndExitTwo() throws Exception {
        try (PhoneCustomer customer = join(DeviceProfile.SAMSUNG); ServerSocket taken = new ServerSocket(0)) {
            tech.post("/api/v1/sessions/" + customer.session() + "/screen", "{}").expect(202);
            Run run = new Run("--server", server.baseUrl(), "--session", customer.session(), "--token", tech.token(),
                    "--listen", "127.0.0.1:" + taken.getLocalPort());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err.toString().strip().lines()).hasSize(1);
            assertThat(run.err.toString()).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--listen");
        }
    }
}
