package dev.tandem.vnc;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import dev.tandem.protocol.tls.TrustedCertificates;
import picocli.CommandLine.Spec;

/**
 * {@code tandem vnc}: makes a session's screen reachable as a plain RFB server on a local port, so
 * any standard VNC viewer can attach as the technician (CONTRACT.md). It checks the session first,
 * prints one ready line on stdout, then serves until stopped (Ctrl-C, or {@link #stop()}). Every
 * problem is one line on stderr. The {@code app} module mounts it with the one-line handler for bad
 * options (exit 2).
 */
@Command(name = "vnc", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        customSynopsis = "tandem vnc --server URL --session ID --token TOKEN [--listen 127.0.0.1:5900]"
                + " [--request] [--control] [--ca-file FILE]",
        description = {
            "Serves a session's phone screen to any VNC viewer on a local port.",
            "Any standard VNC viewer attaches as the technician, e.g. vncviewer 127.0.0.1::5900. The customer's"
                + " permissions apply exactly as in the console: without control, the viewer's input is dropped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped (Ctrl-C)",
            "2:bad options, or the listen address cannot be used",
            "3:the token was refused, or it cannot see this session",
            "4:the screen cannot be viewed: the session ended, the phone is chat-only, or the screen is not shared",
            "5:the server cannot be reached, or answered something unexpected"})
public final class VncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "The Tandem server's base URL, e.g. https://support.example.com.")
    String server;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "Certificate authorities (PEM) to trust besides the "
            + "system's, for a server whose certificate a private CA signed.")
    String caFile;

    @Option(names = "--session", required = true, paramLabel = "ID", description = "The session's id (s_…).")
    String session;

    @Option(names = "--token", required = true, paramLabel = "TOKEN",
            description = "The technician's API token (create one in the console).")
    String token;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5900",
            description = "Where VNC viewers connect: host:port or :port (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--request",
            description = "Ask for the screen when it is not shared yet (the portal decides whether the customer is asked).")
    boolean request;

    @Option(names = "--control", description = "Ask the customer for control too (they are always asked).")
    boolean control;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        TandemServerUrl serverUrl;
        ListenAddress listenAddress;
        try {
            serverUrl = TandemServerUrl.parse(server);
            if (caFile != null) {
                serverUrl = serverUrl.trusting(TrustedCertificates.fromFile(caFile));
            }
            listenAddress = ListenAddress.parse(listen);
        } catch (IllegalArgumentException badOption) {
            return fail(err, badOption.getMessage(), spec.exitCodeOnInvalidInput());
        }
        try {
            new ScreenAccess(new SessionApi(serverUrl, token), line -> say(err, line)).prepare(session, request, control);
        } catch (VncRefusal refusal) {
            return fail(err, refusal.getMessage(), refusal.exitCode());
        }
        VncBridge bridge;
        try {
            bridge = VncBridge.start(listenAddress, serverUrl, session, token, line -> say(err, line));
        } catch (IOException cannotListen) {
            return fail(err, "Cannot listen on " + listenAddress + " (" + cannotListen.getMessage()
                    + "): choose another address with --listen, e.g. --listen :5901.",
                    spec.exitCodeOnInvalidInput());
        }
        return serve(bridge);
    }

    private int serve(VncBridge bridge) {
        Thread ctrlC = new Thread(this::stop, "tandem-vnc-stop");
        Runtime.getRuntime().addShutdownHook(ctrlC);
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println("VNC server for session " + session + " at " + bridge.address());
            out.flush();
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            bridge.close();
            try {
                Runtime.getRuntime().removeShutdownHook(ctrlC);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }
        return 0;
    }

    /** Stops serving: the listener and every viewer close, and {@link #call()} returns 0. */
    public void stop() {
        stopped.countDown();
    }

    private static int fail(PrintWriter err, String line, int exitCode) {
        say(err, line);
        return exitCode;
    }

    private static void say(PrintWriter err, String line) {
        err.println(line.replaceAll("\\s*\\R\\s*", " "));
        err.flush();
    }
}
