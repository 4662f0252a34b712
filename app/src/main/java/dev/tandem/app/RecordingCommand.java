package dev.tandem.app;

import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.server.recordings.RecordingFile;
import dev.tandem.vnc.TandemServerUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tandem recording}: session recordings (issue 18.6, docs/recording.md). {@code export ID FILE}
 * saves a session's recording in the documented format ({@code .tandemrec}) after checking that the
 * file reads back whole. No video: no well-kept pure-Java video encoder is on Maven Central, so the
 * documented format is the export (docs/recording.md says how to turn it into a video).
 */
@Command(name = "recording", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = "Session recordings.", subcommands = RecordingCommand.Export.class)
public final class RecordingCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tandem recording export ID FILE}. */
    @Command(name = "export", mixinStandardHelpOptions = true, usageHelpWidth = 100,
            customSynopsis = "tandem recording export ID FILE --server URL --token TOKEN [--ca-file FILE]",
            description = "Saves a session's recording to FILE in the format of docs/recording.md (.tandemrec).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:saved",
                "2:bad options, or FILE cannot be written",
                "3:the token was refused, or it cannot see this session",
                "4:the session has no recording",
                "5:the server cannot be reached, or sent something that is not a whole recording"})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The session's id (s_…).")
        String session;

        @Parameters(index = "1", paramLabel = "FILE", description = "Where to save it, e.g. session.tandemrec.")
        Path file;

        @Option(names = "--server", required = true, paramLabel = "URL",
                description = "The Tandem server's base URL, e.g. https://support.example.com.")
        String server;

        @Option(names = "--token", required = true, paramLabel = "TOKEN",
                description = "The technician's API token (create one in the console).")
        String token;

        @Option(names = "--ca-file", paramLabel = "FILE",
                description = "Certificate authorities (PEM) to trust besides the system's.")
        String caFile;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            TandemServerUrl url;
            try {
                url = TandemServerUrl.parse(server);
                if (caFile != null) {
                    url = url.trusting(TrustedCertificates.fromFile(caFile));
                }
            } catch (IllegalArgumentException bad) {
                return fail(err, bad.getMessage(), 2);
            }
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .sslContext(url.trust().sslContext()).build();
            URI address = URI.create(url.base().toString().replaceAll("/+$", "") + "/api/v1/sessions/"
                    + URLEncoder.encode(session, StandardCharsets.UTF_8) + "/recording/file");
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(address).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return fail(err, "Cannot reach " + url.base() + ": " + e.getMessage(), 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail(err, "Interrupted.", 5);
            }
            int status = response.statusCode();
            if (status != 200) {
                try (InputStream body = response.body()) {
                    body.readAllBytes();
                } catch (IOException ignored) {
                    // the status says enough
                }
                if (status == 401 || status == 403) {
                    return fail(err, "The server refused the token (HTTP " + status + ").", 3);
                }
                if (status == 404) {
                    return fail(err, "Session " + session + " has no recording, or this token cannot see it.", 4);
                }
                return fail(err, "The server answered HTTP " + status + ".", 5);
            }
            try (InputStream body = response.body()) {
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                deleteQuietly(partial);
                return fail(err, "Cannot write " + file + ": " + e.getMessage(), 2);
            }
            int records;
            try (InputStream saved = Files.newInputStream(partial)) {
                records = RecordingFile.read(saved).entries().size();
            } catch (IOException e) {
                deleteQuietly(partial);
                return fail(err, "The recording did not arrive whole: " + e.getMessage(), 5);
            }
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteQuietly(partial);
                return fail(err, "Cannot write " + file + ": " + e.getMessage(), 2);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Saved the recording of " + session + " to " + file + " (" + records + " records)");
            out.flush();
            return 0;
        }

        private static void deleteQuietly(Path path) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }

        private static int fail(PrintWriter err, String message, int code) {
            err.println("tandem recording export: " + message);
            err.flush();
            return code;
        }
    }
}
