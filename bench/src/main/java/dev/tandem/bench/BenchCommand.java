package dev.tandem.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./tandem bench}: lists and runs the benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs one benchmark on this machine and prints a table, then a summary line.",
        subcommands = {ChatBenchmark.class, LoadBenchmark.class, EncoderBenchmark.class, ScreenLatencyBenchmark.class,
                ScreenRelayBenchmark.class, X11vncComparison.class})
public final class BenchCommand implements Runnable {
    static {
        // The server closes a connection idle for 30 s (Jetty's default); the JDK's client keeps idle
        // ones for 20 minutes and, when it reuses one just as the server closes it, fails the request
        // with "header parser received no bytes" (seen after bench chat's transcript check). Read once,
        // before the first client is made, so it is set here, where every benchmark starts.
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
