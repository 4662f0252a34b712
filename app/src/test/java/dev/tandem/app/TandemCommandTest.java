package dev.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's contract: help, one-line errors with exit code 2, nothing written. */
class TandemCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = TandemCommand.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("server").contains("device").contains("vnc").contains("bench");
        assertThat(run("vnc", "--help").out()).contains("--server").contains("--session").contains("--token")
                .contains("--listen").contains("127.0.0.1:5900").contains("--request").contains("--control");
        assertThat(run("server", "--help").out()).contains("--port").contains("--data").contains("--public-url")
                .contains("--db-url").contains("--smtp-url").contains("--node-id").contains("--nats-url");
        assertThat(run("bench", "--help").out()).contains("chat");
        assertThat(help.out()).contains("recording");
        assertThat(run("recording", "export", "--help").out()).contains("ID FILE").contains("--server")
                .contains("--token").contains("docs/recording.md");
    }

    @Test
    void badServerOptionsGiveOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"server", "--port", "abc"}, {"server", "--port", "70000"},
                {"server", "--smtp-url", "http://x"}, {"server", "--public-url", "not a url"},
                {"server", "--db-url", "jdbc:mysql://x"}, {"server", "--nope"},
                {"server", "--requests-per-address", "0"}, {"server", "--app-store-url", "market:details"}}) {
            Run run = run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
        }
    }

    @Test
    void clusterOptionsNeedPostgresqlAndSafeValuesOneLineExitTwo() throws Exception {
        Path data = Files.createTempDirectory("tandem-app").resolve("data");
        String postgres = "jdbc:postgresql://127.0.0.1:1/tandem";
        String[][] cases = {
                {"--node-id", "node-a"},
                {"--nats-url", "nats://127.0.0.1:4222"},
                {"--node-id", "node-a", "--db-url", "jdbc:h2:mem:x"},
                {"--node-id", "node a; rm", "--db-url", postgres},
                {"--node-id", "-a", "--db-url", postgres},
                {"--node-id", "x".repeat(41), "--db-url", postgres},
                {"--nats-url", "http://127.0.0.1:4222", "--db-url", postgres},
                {"--nats-url", "nats://", "--db-url", postgres},
                {"--nats-url", "nats://host:4222/path", "--db-url", postgres}};
        String[] expected = {"PostgreSQL", "PostgreSQL", "PostgreSQL", "--node-id", "--node-id", "--node-id",
                "--nats-url", "--nats-url", "--nats-url"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[4 + cases[i].length];
            args[0] = "server";
            args[1] = "--port";
            args[2] = "0";
            args[3] = "--data=" + data;
            System.arraycopy(cases[i], 0, args, 4, cases[i].length);
            Run run = run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(run.err()).as(String.join(" ", args)).contains(expected[i]).doesNotContain("java.")
                    .doesNotContain("Exception");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void aClusterNodeWithAnUnreachableDatabaseIsOneLineExitTwo() throws Exception {
        Path data = Files.createTempDirectory("tandem-app").resolve("data");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = run("server", "--port", "0", "--data", data.toString(), "--node-id", "node-a", "--db-url",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/tandem");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("Cannot reach the database").doesNotContain("java.");
    }

    @Test
    void badVncOptionsGiveOneLineAndExitTwo() {
        String[] needed = {"--server", "http://localhost:8080", "--session", "s_1", "--token", "t"};
        for (String[] extra : new String[][] {{"--listen", "5900"}, {"--listen", "host:abc"}, {"--listen", ":70000"},
                {"--nope"}, {"--server", "localhost:8080"}}) {
            String[] args = new String[1 + needed.length + extra.length];
            args[0] = "vnc";
            System.arraycopy(needed, 0, args, 1, needed.length);
            System.arraycopy(extra, 0, args, 1 + needed.length, extra.length);
            Run run = run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
        }
        Run missing = run("vnc", "--server", "http://localhost:8080");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("--session").contains("--token");
    }

    @Test
    void vncWithAnUnreachableServerIsOneLineAndExitFive() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run unreachable = run("vnc", "--server", "http://127.0.0.1:" + closedPort, "--session", "s_1", "--token", "t");
        assertThat(unreachable.exit()).isEqualTo(5);
        assertThat(unreachable.err().strip().lines()).hasSize(1);
        assertThat(unreachable.err()).contains("Cannot reach the Tandem server").contains("--server")
                .contains("nothing accepts connections there").doesNotContain("java.");
    }

    @Test
    void anUnreachableDatabaseIsOneLineExitTwoAndWritesNothing() throws Exception {
        Path data = Files.createTempDirectory("tandem-app").resolve("data");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = run("server", "--port", "0", "--data", data.toString(), "--db-url",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/tandem", "--db-user", "x");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("Cannot reach the database");
        assertThat(data).doesNotExist();
    }

    @Test
    void aWeakAdministratorPasswordIsOneLineExitTwoAndWritesNothing() throws Exception {
        Path data = Files.createTempDirectory("tandem-app").resolve("data");
        // The real command in its own JVM, as an operator runs it, with the password in its environment.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TandemCommand.class.getName(), "server", "--port", "0",
                "--data", data.toString()).redirectErrorStream(false);
        builder.environment().put("TANDEM_ADMIN_PASSWORD", "a");
        Process process = builder.start();
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err.strip().lines()).hasSize(1);
        assertThat(err).contains("TANDEM_ADMIN_PASSWORD is too weak").contains("12 characters");
        assertThat(data).doesNotExist();
    }

    @Test
    void aPortInUseIsOneLineAndExitTwo() throws Exception {
        Path data = Files.createTempDirectory("tandem-app");
        try (ServerSocket taken = new ServerSocket(0)) {
            Run run = run("server", "--port", String.valueOf(taken.getLocalPort()), "--data", data.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("already in use").contains(String.valueOf(taken.getLocalPort()));
            assertThat(run.err().strip().lines()).hasSize(1);
        }
    }
}
