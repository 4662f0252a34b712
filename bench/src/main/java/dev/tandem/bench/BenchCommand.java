package dev.tandem.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./tandem bench}: lists and runs the benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs one benchmark on this machine and prints a table, then a summary line.",
        subcommands = {ChatBenchmark.class, LoadBenchmark.class, EncoderBenchmark.class, ScreenLatencyBenchmark.class,
                ScreenRelayBenchmark.class, X11vncComparison.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
