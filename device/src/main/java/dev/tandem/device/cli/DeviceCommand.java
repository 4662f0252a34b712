package dev.tandem.device.cli;

import dev.tandem.agent.AppInvitation;
import dev.tandem.agent.ServerAddress;
import dev.tandem.device.DeviceProfile;
import dev.tandem.device.DownloadsFolder;
import dev.tandem.device.ScreenImage;
import dev.tandem.device.VirtualPhone;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.tls.TrustedCertificates;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tandem device}: a virtual Android phone that joins a session as the customer. Options and
 * exit codes are the public contract (CONTRACT.md). The {@code app} module mounts it as a
 * subcommand; {@link #main} runs it alone.
 */
@Command(name = "device", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        customSynopsis = "tandem device --server URL (--code CODE | --url JOIN-URL) [--name NAME]"
                + " [--profile samsung|lg|generic] [--consent ask|yes|no] [--screen IMAGE] [--ca-file FILE]",
        description = {
            "Runs a virtual Android phone that joins a support session as the customer.",
            "Prints one JSON object per line on stdout for everything the customer sees, and reads the customer's"
                + " lines on stdin: a plain line is a chat message, /yes and /no answer the oldest open question,"
                + " /stop stops screen sharing and control, /quit leaves the session."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the session ended",
            "2:bad options",
            "3:wrong, used, expired or cancelled code",
            "4:too many wrong codes from this address",
            "5:the server cannot be reached, or the connection failed"})
public final class DeviceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "The Tandem server's base URL, e.g. http://localhost:8080 or https://support.example.com.")
    String server;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "Certificate authorities (PEM) to trust besides the system's, for a server whose "
                    + "certificate a private CA signed.")
    String caFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Invitation invitation;

    /** What the customer was given: the code, or the join link. */
    static final class Invitation {
        @Option(names = "--code", paramLabel = "CODE", arity = "1..*",
                description = "The session code the customer was given; spaces are allowed (123 456 789).")
        List<String> code;

        @Option(names = "--url", paramLabel = "JOIN-URL",
                description = "The join link the customer was given, e.g. https://support.example.com/join/123456789,"
                        + " or the technician's invitation to continue a browser chat in the app"
                        + " (https://support.example.com/join/app/s_.../...).")
        String joinUrl;
    }

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "Customer",
            description = "The customer's name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--profile", paramLabel = "samsung|lg|generic", defaultValue = "samsung",
            description = "The kind of phone (default: ${DEFAULT-VALUE}); generic is chat-only.")
    String profile;

    @Option(names = "--consent", paramLabel = "ask|yes|no", defaultValue = "ask",
            description = "Answer permission prompts from stdin (ask), or always yes, or always no (default: ${DEFAULT-VALUE}).")
    String consent;

    @Option(names = "--language", paramLabel = "LANG",
            description = "The phone's language, e.g. es or en (default: this machine's); what the server sends"
                    + " (system lines, questions) is in it unless the portal fixes a language.")
    String language;

    @Option(names = "--screen", paramLabel = "IMAGE",
            description = "A PNG or JPEG picture to show as the phone's screen instead of its own home screen.")
    Path screen;

    @Option(names = "--downloads", paramLabel = "DIR", defaultValue = "tandem-downloads",
            description = "Where files the customer accepts are saved, as the app saves them to Downloads"
                    + " (default: ${DEFAULT-VALUE} in the current directory).")
    Path downloads;

    private final InputStream stdin;
    private final OutputStream stdout;

    /** Reads the customer's lines from {@code System.in} and prints events on {@code System.out}. */
    public DeviceCommand() {
        this(System.in, System.out);
    }

    /** Reads the customer's lines from {@code stdin} and prints events on {@code stdout}; stderr is picocli's. */
    public DeviceCommand(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    public static void main(String... args) {
        System.exit(commandLine(new DeviceCommand()).execute(args));
    }

    /** A command line for {@code command} that reports bad options in one line. */
    public static CommandLine commandLine(DeviceCommand command) {
        return new CommandLine(command).setParameterExceptionHandler(DeviceCommand::reportBadOptions);
    }

    /**
     * Reports a bad option as one line on stderr and returns exit code 2. A parent command that
     * mounts {@code device} should install it too (picocli applies it to the subcommands).
     */
    public static int reportBadOptions(ParameterException problem, String[] args) {
        CommandLine commandLine = problem.getCommandLine();
        String message = problem.getMessage() == null ? "Bad options" : problem.getMessage().replaceAll("\\s*\\R\\s*", " ");
        commandLine.getErr().println(message + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
        commandLine.getErr().flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        VirtualPhone phone;
        CustomerConsole console;
        try {
            ServerAddress address = ServerAddress.parse(server);
            Optional<AppInvitation> appInvitation = invitation.joinUrl == null ? Optional.empty()
                    : AppInvitation.parse(invitation.joinUrl);
            SessionCode code = appInvitation.isPresent() ? null : sessionCode();
            TrustedCertificates trust = caFile == null ? TrustedCertificates.system() : TrustedCertificates.fromFile(caFile);
            DeviceProfile phoneProfile = DeviceProfile.fromCliName(profile).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown profile '" + profile + "': use " + DeviceProfile.cliNames() + "."));
            ConsentMode consentMode = ConsentMode.fromCliName(consent).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown consent mode '" + consent + "': use ask|yes|no."));
            phone = screen == null ? VirtualPhone.create(phoneProfile)
                    : VirtualPhone.create(phoneProfile, ScreenImage.open(screen));
            console = new CustomerConsole(phone, new CustomerEvents(stdout), consentMode, new DownloadsFolder(downloads));
            if (language != null) {
                phone.language(language);
            }
            if (appInvitation.isPresent()) {
                phone.continueInvitation(address, appInvitation.get(), name, console, trust);
            } else {
                phone.join(address, code, name, console, trust);
            }
        } catch (IllegalArgumentException badOption) {
            err.println(badOption.getMessage());
            err.flush();
            return spec.exitCodeOnInvalidInput();
        }
        return run(phone, console, err);
    }

    private int run(VirtualPhone phone, CustomerConsole console, PrintWriter err) {
        Thread reader = new Thread(() -> console.readCommands(stdin), "tandem-device-stdin");
        reader.setDaemon(true);
        reader.start();
        Thread powerOff = new Thread(phone::close, "tandem-device-power-off");
        Runtime.getRuntime().addShutdownHook(powerOff);
        try {
            Outcome outcome = console.outcome().join();
            if (outcome.problem() != null) {
                err.println(outcome.problem().replaceAll("\\s*\\R\\s*", " "));
                err.flush();
            }
            return outcome.exitCode();
        } finally {
            phone.close();
            try {
                Runtime.getRuntime().removeShutdownHook(powerOff);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private SessionCode sessionCode() {
        if (invitation.code != null) {
            String typed = String.join(" ", invitation.code);
            return SessionCode.parse(typed).orElseThrow(() -> new IllegalArgumentException(
                    "'" + typed + "' is not a session code: a code has nine digits, like 123 456 789."));
        }
        return SessionCode.fromJoinUrl(invitation.joinUrl).orElseThrow(() -> new IllegalArgumentException(
                "'" + invitation.joinUrl + "' is not a join link: it ends in /join/ and the nine-digit code,"
                        + " like https://support.example.com/join/123456789, or in /join/app/ and the session and"
                        + " token of an invitation to the app."));
    }
}
