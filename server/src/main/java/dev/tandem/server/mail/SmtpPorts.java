package dev.tandem.server.mail;

import dev.tandem.server.ServerConfig.SmtpSettings;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The ports Tandem sends mail to: the SMTP ports (25, 465, 587, 2525) and the one the operator gave
 * in {@code --smtp-url}. An administrator's SMTP setting and its "Send a test email" cannot turn the
 * server into a probe of other ports on other machines. Immutable.
 */
public final class SmtpPorts {
    private static final Set<Integer> STANDARD = Set.of(25, 465, 587, 2525);
    private final Set<Integer> allowed;

    private SmtpPorts(Set<Integer> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** The standard ports and the port of {@code commandLine} ({@code --smtp-url}). */
    public static SmtpPorts of(Optional<SmtpSettings> commandLine) {
        Set<Integer> allowed = new TreeSet<>(STANDARD);
        commandLine.ifPresent(s -> allowed.add(s.port()));
        return new SmtpPorts(allowed);
    }

    public boolean allows(int port) {
        return allowed.contains(port);
    }

    /** "Tandem sends mail only to ports 25, 465, 587 and 2525 …", for a refusal. */
    public String refusal(int port) {
        String list = new TreeSet<>(allowed).stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "Tandem sends mail only to the SMTP ports " + list + " (and the port of --smtp-url), not " + port + ".";
    }
}
