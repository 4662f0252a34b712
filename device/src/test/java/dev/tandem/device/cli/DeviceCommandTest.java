package dev.tandem.device.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem device} as a script runs it: options, exit codes, stdout events, stderr lines. */
class DeviceCommandTest {
    private static final String CODE = "123456789";

    @TempDir
    Path dir;

    /** What one run of the command left behind. */
    private record Run(int exitCode, String stdout, String stderr) {
        List<JsonNode> events() {
            return stdout.lines().map(TandemPeer::parse).toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private static Run run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        StringWriter help = new StringWriter();
        CommandLine commandLine = DeviceCommand.commandLine(new DeviceCommand(stdin, out));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(help, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8) + help, err.toString());
    }

    private static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    private static CompletableFuture<Run> runInBackground(InputStream stdin, String... args) {
        return CompletableFuture.supplyAsync(() -> run(stdin, args), runnable -> {
            Thread thread = new Thread(runnable, "device-command-under-test");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static void assertBadOption(Run run, String expected) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).hasSize(1);
        assertThat(run.stderrLines().get(0)).contains(expected);
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void missingServerIsABadOption() {
        assertBadOption(run("--code", CODE), "--server");
    }

    @Test
    void exactlyOneOfCodeAndUrlIsRequired() {
        assertBadOption(run("--server", "http://localhost:1"), "--code");
        assertBadOption(run("--server", "http://localhost:1", "--code", CODE, "--url", "http://h/join/" + CODE),
                "mutually exclusive");
    }

    @Test
    void malformedValuesAreRefusedInOneLine() {
        assertBadOption(run("--server", "localhost:8080", "--code", CODE), "is not an http:// or https:// URL");
        assertBadOption(run("--server", "http://localhost:1", "--code", "12345"), "'12345' is not a session code");
        assertBadOption(run("--server", "http://localhost:1", "--url", "http://localhost:1/codes/" + CODE),
                "is not a join link");
        assertBadOption(run("--server", "http://localhost:1", "--code", CODE, "--profile", "nokia"),
                "Unknown profile 'nokia': use samsung|lg|generic.");
        assertBadOption(run("--server", "http://localhost:1", "--code", CODE, "--consent", "maybe"),
                "Unknown consent mode 'maybe': use ask|yes|no.");
        assertBadOption(run("--server", "http://localhost:1", "--code", CODE, "--name", " "), "name is empty");
        assertBadOption(run("--server", "http://localhost:1", "--code", CODE, "--bogus"), "--bogus");
    }

    @Test
    void screenImageMustBeAnExistingPngOrJpeg() throws Exception {
        Path text = Files.writeString(dir.resolve("screen.png"), "not a picture");
        assertBadOption(run("--server", "http://localhost:1", "--code", CODE, "--screen", dir.resolve("nope.png").toString()),
                "does not exist");
        assertBadOption(run("--server", "http://localhost:1", "--code", CODE, "--screen", text.toString()),
                "neither a PNG nor a JPEG");
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("--server", "--code", "--url", "--name", "--profile", "--consent", "--screen",
                "Exit codes");
    }

    @Test
    void unreachableServerIsOneLineAndExitFive() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = run("--server", "http://127.0.0.1:" + closedPort, "--code", "123", "456", "789");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.stderrLines()).hasSize(1);
        assertThat(run.stderrLines().get(0)).startsWith("Cannot reach the Tandem server at http://127.0.0.1:" + closedPort);
        assertThat(run.events()).extracting(event -> event.path("event").asText()).containsExactly("error");
    }

    @Test
    void wrongCodeExitsThreeWithTheServersSentence() throws Exception {
        try (TandemPeer peer = TandemPeer.open()) {
            CompletableFuture<Run> running = runInBackground(InputStream.nullInputStream(),
                    "--server", peer.baseUrl(), "--code", "123 456 789");
            peer.refuse(4004, "There is no session with this code.");
            Run run = running.get(5, TimeUnit.SECONDS);

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.stderrLines()).containsExactly("There is no session with this code.");
        }
    }

    @Test
    void rateLimitExitsFour() throws Exception {
        try (TandemPeer peer = TandemPeer.open()) {
            CompletableFuture<Run> running = runInBackground(InputStream.nullInputStream(),
                    "--server", peer.baseUrl(), "--url", peer.baseUrl() + "/join/" + CODE);
            peer.refuse(4029, "");
            Run run = running.get(5, TimeUnit.SECONDS);

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.stderrLines()).containsExactly(
                    "Too many wrong codes from this address. Wait a few minutes and try again.");
        }
    }

    @Test
    void sessionRunsWithoutStdinUntilTheTechnicianEndsIt() throws Exception {
        try (TandemPeer peer = TandemPeer.open()) {
            CompletableFuture<Run> running = runInBackground(InputStream.nullInputStream(),
                    "--server", peer.baseUrl(), "--code", CODE, "--name", "Ana", "--profile", "lg", "--consent", "yes");
            JsonNode hello = peer.awaitHello();
            assertThat(hello.path("code").asText()).isEqualTo(CODE);
            assertThat(hello.path("customerName").asText()).isEqualTo("Ana");
            assertThat(hello.path("device").path("manufacturer").asText()).isEqualTo("LGE");
            assertThat(hello.path("device").path("profile").asText()).isEqualTo("lg");
            peer.send(TandemPeer.message("welcome").put("version", 1).put("session", "s_1").put("resumeToken", "t")
                    .put("technician", "Bob").put("heartbeatSeconds", 15).put("lastCseq", 0));

            peer.chat(1, "system", "Tandem", "Ana joined the session.");
            peer.chat(2, "technician", "Bob", "Hola Ana 👋\nHow can I help?");
            peer.prompt("p_1", "screen", "Share your screen with Bob?");
            assertThat(peer.expect("ack").path("seq").asLong()).isEqualTo(1);
            assertThat(peer.expect("ack").path("seq").asLong()).isEqualTo(2);
            JsonNode answer = peer.expect("answer");
            assertThat(answer.path("granted").asBoolean()).isTrue();
            Thread.sleep(300); // stdin ended long ago; the session must still be running
            assertThat(running).isNotDone();
            peer.end("technician", "All fixed");

            Run run = running.get(5, TimeUnit.SECONDS);
            assertThat(run.exitCode()).isZero();
            assertThat(run.stderr()).isEmpty();
            assertThat(run.stdout().lines()).containsExactly(
                    "{\"event\":\"joined\",\"session\":\"s_1\",\"technician\":\"Bob\"}",
                    "{\"event\":\"system\",\"text\":\"Ana joined the session.\",\"seq\":1}",
                    "{\"event\":\"chat\",\"from\":\"technician\",\"name\":\"Bob\",\"text\":\"Hola Ana 👋\\nHow can I help?\",\"seq\":2}",
                    "{\"event\":\"prompt\",\"id\":\"p_1\",\"kind\":\"screen\",\"text\":\"Share your screen with Bob?\"}",
                    "{\"event\":\"sharing\",\"screen\":true,\"control\":false}",
                    "{\"event\":\"ended\",\"by\":\"technician\",\"reason\":\"All fixed\"}");
        }
    }

    @Test
    void linesTypedBeforeTheWelcomeAreSentThenQuitLeaves() throws Exception {
        try (TandemPeer peer = TandemPeer.open()) {
            InputStream stdin = new ByteArrayInputStream("My phone is slow\n/quit\n".getBytes(StandardCharsets.UTF_8));
            CompletableFuture<Run> running = runInBackground(stdin, "--server", peer.baseUrl(), "--code", CODE);
            peer.welcome();

            assertThat(peer.expect("chat").path("text").asText()).isEqualTo("My phone is slow");
            peer.expect("leave");
            peer.end("customer", null);

            Run run = running.get(5, TimeUnit.SECONDS);
            assertThat(run.exitCode()).isZero();
            assertThat(run.events()).extracting(event -> event.path("event").asText()).containsExactly("joined", "ended");
            assertThat(run.events().get(1).path("by").asText()).isEqualTo("customer");
        }
    }
}
