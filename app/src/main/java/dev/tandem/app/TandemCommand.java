package dev.tandem.app;

import dev.tandem.bench.BenchCommand;
import dev.tandem.device.cli.DeviceCommand;
import dev.tandem.vnc.VncCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./tandem}: the one entry point. */
@Command(name = "tandem", mixinStandardHelpOptions = true, version = "Tandem 0.1.0",
        description = "Self-hosted remote support for Android phones.",
        subcommands = {ServerCommand.class, DeviceCommand.class, VncCommand.class, BenchCommand.class,
            RecordingCommand.class})
public final class TandemCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the contract's exit code (2) for bad options. */
    static CommandLine commandLine() {
        return new CommandLine(new TandemCommand()).setParameterExceptionHandler(DeviceCommand::reportBadOptions);
    }
}
