package dev.tandem.agent;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an {@link AgentSession} needs to introduce itself: the server, how to get in (a session
 * code, or a resume ticket kept from an earlier connection), the customer's name, the phone and what
 * it can do. Immutable.
 */
public final class SessionRequest {
    private final ServerAddress server;
    private final SessionCode code;
    private final ResumeTicket resumeTicket;
    private final long lastSeq;
    private final String customerName;
    private final DeviceInfo device;
    private final Capabilities capabilities;
    private final String language;

    private SessionRequest(ServerAddress server, SessionCode code, ResumeTicket resumeTicket, long lastSeq,
                           String customerName, DeviceInfo device, Capabilities capabilities, String language) {
        this.server = Objects.requireNonNull(server, "server");
        this.code = code;
        this.resumeTicket = resumeTicket;
        this.lastSeq = lastSeq;
        this.customerName = checkName(customerName);
        this.device = Objects.requireNonNull(device, "device");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.language = language;
    }

    /** Join a new session with the code the customer was given. */
    public static SessionRequest join(ServerAddress server, SessionCode code, String customerName,
                                      DeviceInfo device, Capabilities capabilities) {
        return new SessionRequest(server, Objects.requireNonNull(code, "code"), null, 0, customerName, device, capabilities,
                Locale.getDefault().getLanguage());
    }

    /**
     * Go back into a session this device was in before (the Android app after a restart), having
     * seen the transcript up to {@code lastSeq}.
     */
    public static SessionRequest resume(ServerAddress server, ResumeTicket ticket, long lastSeq, String customerName,
                                        DeviceInfo device, Capabilities capabilities) {
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative");
        }
        return new SessionRequest(server, null, Objects.requireNonNull(ticket, "ticket"), lastSeq, customerName,
                device, capabilities, Locale.getDefault().getLanguage());
    }

    public ServerAddress server() { return server; }

    /** The code to join with; empty for a resume. */
    public Optional<SessionCode> code() { return Optional.ofNullable(code); }

    /** The ticket to resume with; empty for a join. */
    public Optional<ResumeTicket> resumeTicket() { return Optional.ofNullable(resumeTicket); }

    /** The highest transcript seq the device had seen (0 for a join). */
    public long lastSeq() { return lastSeq; }

    public String customerName() { return customerName; }

    public DeviceInfo device() { return device; }

    public Capabilities capabilities() { return capabilities; }

    /**
     * The customer's language (a tag such as {@code es}), sent in every hello: the server words what
     * it sends in it unless the portal fixes a language. By default the JVM's (on Android, the phone's).
     */
    public String language() { return language; }

    /** The same request in another language ({@code null}: none, the portal's or English). */
    public SessionRequest withLanguage(String tag) {
        return new SessionRequest(server, code, resumeTicket, lastSeq, customerName, device, capabilities, tag);
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The customer's name is empty: the technician needs a name to greet.");
        }
        if (Limits.characters(trimmed) > Limits.MAX_NAME_CHARS) {
            throw new IllegalArgumentException("The customer's name is longer than " + Limits.MAX_NAME_CHARS + " characters.");
        }
        return trimmed;
    }
}
