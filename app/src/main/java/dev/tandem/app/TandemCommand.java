package dev.tandem.app;

import dev.tandem.bench.BenchCommand;
import dev.tandem.device.DeviceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./tandem}: the one entry point. */
@Command(name = "tandem", mixinStandardHelpOptions = true, version = "Tandem 0.1.0",
        description = "Self-hosted remote support for Android phones.",
        subcommands = {ServerCommand.class, DeviceCommand.class, BenchCommand.class})
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
        CommandLine line = new CommandLine(new TandemCommand());
        line.setParameterExceptionHandler((error, arguments) -> {
            error.getCommandLine().getErr().println("tandem: " + error.getMessage()
                    + " (see '" + error.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return line;
    }
}
