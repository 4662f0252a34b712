package dev.tandem.device;

import dev.tandem.agent.AgentSession;
import dev.tandem.agent.AppInvitation;
import dev.tandem.agent.PhoneFeatures;
import dev.tandem.device.diagnostics.VirtualLogs;
import dev.tandem.device.diagnostics.VirtualPermissions;
import dev.tandem.device.diagnostics.VirtualPhoneDiagnostics;
import java.time.Clock;
import dev.tandem.agent.MessageRefusedException;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.SessionRequest;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.drawing.DrawingLayer;
import dev.tandem.agent.drawing.Drawings;
import dev.tandem.agent.rfb.session.StreamSettings;
import dev.tandem.agent.screen.ScreenSource;
import dev.tandem.agent.sharing.ScreenAccess;
import dev.tandem.agent.transport.WebSocketTransport;
import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.device.screen.ImageIoJpegCompressor;
import dev.tandem.device.screen.PhoneUi;
import dev.tandem.device.screen.RenderedScreen;
import dev.tandem.device.screen.StaticScreen;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A virtual Android phone running the real customer agent. It is one {@link DeviceProfile}, owns at
 * most one {@link AgentSession}, and offers what the customer does on it. A phone that can share its
 * screen has its own UI ({@link PhoneUi}: the technician's input lands there) drawn at 1080x2400
 * ({@link RenderedScreen}), or shows a given picture instead ({@link StaticScreen}); its agent serves
 * that screen to the technician's viewers with the customer's consent. A chat-only phone has neither.
 *
 * <p>Thread-safe: the customer's actions may come from any thread (they go to the session's own).
 */
public final class VirtualPhone implements AutoCloseable {
    private final DeviceProfile profile;
    private final ScreenImage screenImage;
    private final PhoneUi ui;
    private final ScreenSource screen;
    /** The technician's pointer and strokes, painted into the screen the agent shares (issue 18.7). */
    private final Drawings drawings = new Drawings(System::currentTimeMillis);
    private final VirtualLogs logs;
    private final VirtualPermissions permissions;
    private volatile AgentSession session;
    private String language = java.util.Locale.getDefault().getLanguage();

    private VirtualPhone(DeviceProfile profile, ScreenImage screenImage) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.screenImage = screenImage;
        this.ui = PhoneUi.create(profile);
        this.logs = new VirtualLogs(profile, Clock.systemUTC());
        this.permissions = VirtualPermissions.forProfile(profile);
        if (!profile.capabilities().screen.available) {
            this.screen = null;
        } else if (screenImage != null) {
            this.screen = DrawingLayer.over(StaticScreen.open(screenImage), drawings);
        } else {
            this.screen = DrawingLayer.over(RenderedScreen.create(ui), drawings);
        }
    }

    /** A phone of this profile showing its own home screen. */
    public static VirtualPhone create(DeviceProfile profile) {
        return new VirtualPhone(profile, null);
    }

    /** A phone of this profile that shows {@code screenImage} as its screen. */
    public static VirtualPhone create(DeviceProfile profile, ScreenImage screenImage) {
        return new VirtualPhone(profile, Objects.requireNonNull(screenImage, "screenImage"));
    }

    public DeviceProfile profile() { return profile; }

    public DeviceInfo deviceInfo() { return profile.deviceInfo(); }

    public Capabilities capabilities() { return profile.capabilities(); }

    /** The phone's UI: what it shows (unless a picture was given) and where the technician's input lands. */
    public PhoneUi ui() { return ui; }

    /** The screen the agent shares, or empty on a chat-only phone. */
    public Optional<ScreenSource> screen() { return Optional.ofNullable(screen); }

    /** The picture to show instead of the home screen, when one was given. */
    public Optional<ScreenImage> screenImage() { return Optional.ofNullable(screenImage); }

    /**
     * The customer types the code and their name and taps Join session.
     *
     * @throws IllegalStateException    when the phone is already in a session
     * @throws IllegalArgumentException when the name is empty or too long
     */
    public synchronized void join(ServerAddress server, SessionCode code, String customerName, SessionListener listener) {
        join(server, code, customerName, listener, TrustedCertificates.system());
    }

    /** As {@link #join(ServerAddress, SessionCode, String, SessionListener)}, trusting {@code trust} over wss://. */
    public synchronized void join(ServerAddress server, SessionCode code, String customerName, SessionListener listener,
                                  TrustedCertificates trust) {
        SessionRequest request = SessionRequest.join(server, code, customerName, deviceInfo(), capabilities())
                .withLanguage(language);
        start(request, "Joining " + server + " with a session code as " + profile.marketingName(), listener, trust);
    }

    /**
     * The customer opens the technician's "Invite to the app" link (issue 18.1): the phone continues
     * the session the customer began in the browser chat, with the link's one-time token, and its
     * screen and diagnostics become possible.
     *
     * @throws IllegalStateException    when the phone is already in a session
     * @throws IllegalArgumentException when the name is empty or too long
     */
    public synchronized void continueInvitation(ServerAddress server, AppInvitation invitation, String customerName,
                                                SessionListener listener, TrustedCertificates trust) {
        SessionRequest request = SessionRequest.resume(server, invitation.ticket(), 0, customerName,
                deviceInfo(), capabilities()).withLanguage(language);
        start(request, "Continuing session " + invitation.ticket().sessionId() + " from an app invitation as "
                + profile.marketingName(), listener, trust);
    }

    private void start(SessionRequest request, String logLine, SessionListener listener, TrustedCertificates trust) {
        if (session != null) {
            throw new IllegalStateException("The phone is already in a session.");
        }
        logs.record(logLine);
        PhoneFeatures features = PhoneFeatures.chatOnly()
                .withScreen(screenAccess())
                .withDiagnostics(VirtualPhoneDiagnostics.forProfile(profile, Clock.systemUTC(), permissions))
                .withLogs(logs)
                .withDrawings(drawings);
        AgentSession joining = AgentSession.create(request, new SharingNotice(ui, logs, permissions, listener),
                WebSocketTransport.create(trust), features);
        session = joining;
        joining.start();
    }

    /**
     * The phone's language (a tag such as {@code es}), told to the server when joining so that what it
     * sends is in that language unless the portal fixes one; this machine's language until set.
     */
    public synchronized String language() {
        return language;
    }

    public synchronized void language(String tag) {
        this.language = tag;
    }

    /** The customer sends a chat message; returns its {@code cseq}. */
    public long say(String text) throws MessageRefusedException {
        return session().send(text);
    }

    /** The customer taps Yes or No on a prompt; false when it is no longer open. */
    public boolean answer(String promptId, boolean granted) {
        return session().answer(promptId, granted);
    }

    /**
     * The customer's stop button: screen sharing and remote control end at once.
     *
     * @return true when something was being shared
     */
    public boolean stopSharing() {
        return session().stopSharing();
    }

    /** The customer takes control back; the screen stays shared. True when control had been granted. */
    public boolean takeBackControl() {
        return session().takeBackControl();
    }

    /** What the customer has allowed in the current session. */
    public ConsentLedger consent() {
        return session().consent();
    }

    /** What the technician draws on this phone's screen (listen to it for what shows and fades). */
    public Drawings drawings() {
        return drawings;
    }

    /**
     * The customer hides the technician's drawings on the phone, or shows them again.
     *
     * @return false on a phone without a screen to draw on
     */
    public boolean hideDrawings(boolean hide) {
        return screen != null && session().hideDrawings(hide);
    }

    /** The customer taps the exit icon. */
    public void leave() {
        session().leave();
    }

    /** The phone is switched off: the session's connection closes (the server keeps it for its grace period). */
    @Override
    public void close() {
        AgentSession current = session;
        if (current != null) {
            current.close();
        }
    }

    private ScreenAccess screenAccess() {
        if (screen == null) {
            return null;
        }
        StreamSettings settings = StreamSettings.defaults()
                .withDesktopName("Tandem \u2013 " + profile.marketingName())
                .withJpeg(new ImageIoJpegCompressor())
                .withClipboard(ui.clipboard());
        return ScreenAccess.of(screen, ui, settings);
    }

    private AgentSession session() {
        AgentSession current = session;
        if (current == null) {
            throw new IllegalStateException("The phone has not joined a session yet.");
        }
        return current;
    }
}
