package dev.tandem.android.session;

import android.content.Context;
import android.os.Build;
import android.os.Handler;
import android.os.Looper;
import dev.tandem.agent.AgentSession;
import dev.tandem.agent.MessageRefusedException;
import dev.tandem.agent.PhoneFeatures;
import dev.tandem.agent.ResumeTicket;
import dev.tandem.agent.SatisfactionSurvey;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.files.FileOffer;
import dev.tandem.agent.files.FileRequest;
import dev.tandem.android.files.DownloadsSaver;
import dev.tandem.agent.SessionRequest;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.agent.transport.Transport;
import dev.tandem.agent.transport.WebSocketTransport;
import dev.tandem.android.capability.PhoneCapabilities;
import dev.tandem.android.R;
import dev.tandem.android.logs.AppLog;
import dev.tandem.android.screen.ProjectionScreen;
import dev.tandem.android.screen.ScreenCaptureService;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's support session: joins with the shared {@link AgentSession} (screen through
 * MediaProjection, input through the accessibility service, platform diagnostics, the app's logs) and
 * keeps what the screens show. The agent reports on its own thread; every change is applied on the
 * main thread, then each {@link Observer} is told. Reacts to sharing itself: when the screen is to be
 * shared it asks Android's consent ({@link CaptureConsent}) and the capture service starts, when not it
 * stops it.
 *
 * <p>It outlives the screens and, through {@link SavedSession}, the app's process: the resume ticket is
 * kept in private storage, so after Android killed the app {@link #restore()} goes back into the
 * session (the server replays the transcript). While it runs, {@link SessionService} keeps it alive
 * with its notification, and the technician's messages and requests become notifications whenever the
 * customer is in another app.
 *
 * <p>Threading: state is read and changed on the main thread only; the action methods may be called
 * from any thread.
 */
public final class ActiveSession {
    /** A screen that shows the session; called on the main thread after every change. */
    public interface Observer {
        void sessionChanged(ActiveSession session);
    }

    public enum Phase { IDLE, CONNECTING, JOINED, RECONNECTING, OVER }


    private static final Logger log = LoggerFactory.getLogger(ActiveSession.class);

    private final Context context;
    private final Handler main = new Handler(Looper.getMainLooper());
    private final Transport transport;
    private final PhoneSetup phone;
    private final PhoneCapabilities capabilities;
    private final AppInFront inFront;
    private final SessionNotifications notifications;
    private final CaptureConsent consent;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final SessionSurvey survey = new SessionSurvey(main, this::changed);
    private final SessionFiles files;

    // Main-thread state.
    private AgentSession agent;
    private Phase phase = Phase.IDLE;
    private final List<ChatLine> transcript = new ArrayList<>();
    private final List<ConsentPrompt> prompts = new ArrayList<>();
    private String technician = "";
    /** Issue 18.2: who joined, left or took over the chat last, worded for the customer; null when nobody did. */
    private String teamNotice;
    private boolean screenShared;
    /** The screen prompt said the session is recorded (issue 18.6): the sharing notice says so too. */
    private boolean screenRecorded;
    private boolean controlShared;
    private boolean capturing;
    private boolean drawingsHidden;
    private boolean chatOnly;
    private String server;
    private String customerName;
    private String endedBy;
    private String endReason;
    private TandemStatus refusal;

    public ActiveSession(Context context, AppLog appLog, Transport transport, AppInFront inFront) {
        this.context = context.getApplicationContext() != null ? context.getApplicationContext() : context;
        this.phone = new PhoneSetup(this.context, appLog);
        this.transport = transport;
        this.capabilities = new PhoneCapabilities(this.context);
        this.inFront = inFront;
        this.notifications = new SessionNotifications(this.context);
        this.consent = new CaptureConsent(this.context, inFront, notifications);
        this.files = new SessionFiles(main, this::changed, new DownloadsSaver(this.context));
    }

    /** A session over WebSockets (Java-WebSocket). */
    public static ActiveSession create(Context context, AppLog appLog, AppInFront inFront) {
        return new ActiveSession(context, appLog, WebSocketTransport.create(), inFront);
    }

    // ---- actions (any thread) ----

    /**
     * The customer taps Join session. A session that is over is replaced; one that runs is kept.
     *
     * @throws IllegalArgumentException when the name is empty or too long
     */
    public void join(ServerAddress server, SessionCode code, String customerName) {
        runOnMain(() -> {
            if (running()) {
                return;
            }
            Capabilities caps = capabilities.current();
            start(server, customerName, false, SessionRequest.join(server, code, customerName, phone.device(), caps));
        });
    }

    /**
     * Goes into the chat of the customer's own request, which a technician took (docs/requests.md):
     * the request's token is the session's resume token, and the session is chat-only.
     */
    public void joinRequest(ServerAddress server, String sessionId, String requestToken, String customerName) {
        runOnMain(() -> {
            if (running()) {
                return;
            }
            start(server, customerName, true, SessionRequest.resume(server, new ResumeTicket(sessionId, requestToken), 0,
                    customerName, phone.device(), PhoneSetup.chatOnlyCapabilities()));
        });
    }

    /**
     * Continues a session the customer began in the browser chat, from the technician's "Invite to the
     * app" link (issue 18.1): a resume with the link's one-time token and the phone's real
     * capabilities, so the screen and diagnostics become possible. The server's welcome answers the
     * session's own resume token, which is kept as for any session.
     */
    public void continueInApp(ServerAddress server, String sessionId, String inviteToken, String customerName) {
        runOnMain(() -> {
            if (running()) {
                return;
            }
            start(server, customerName, false, SessionRequest.resume(server, new ResumeTicket(sessionId, inviteToken), 0,
                    customerName, phone.device(), capabilities.current()));
        });
    }

    /**
     * After Android killed the app's process: back into the saved session, if there is one and none
     * runs (the server sends the transcript again). Safe to call from every screen's start.
     */
    public void restore() {
        runOnMain(() -> {
            if (running() || phase == Phase.OVER) {
                return;
            }
            Optional<SavedSession> saved = SavedSession.load(context);
            if (!saved.isPresent()) {
                return;
            }
            SavedSession it = saved.get();
            ServerAddress address;
            try {
                address = ServerAddress.parse(it.server);
            } catch (IllegalArgumentException e) {
                SavedSession.clear(context);
                return;
            }
            log.info("Going back into the session the app was in before Android closed it");
            start(address, it.customerName, it.chatOnly, SessionRequest.resume(address, it.ticket, 0, it.customerName,
                    phone.device(), it.chatOnly ? PhoneSetup.chatOnlyCapabilities() : capabilities.current()));
        });
    }

    private boolean running() {
        return agent != null && phase != Phase.OVER;
    }

    private void start(ServerAddress address, String name, boolean onlyChat, SessionRequest request) {
        Capabilities caps = request.capabilities();
        PhoneFeatures features = phone.features(caps, onlyChat);
        reset();
        phase = Phase.CONNECTING;
        server = address.toString();
        customerName = name;
        chatOnly = onlyChat;
        log.info("{} {} as a {} {} (screen: {}, control: {})", request.resumeTicket().isPresent() ? "Resuming at"
                : "Joining", address, Build.MANUFACTURER, Build.MODEL, caps.screen.available ? "yes" : caps.screen.reason,
                caps.control.available ? "yes" : caps.control.reason);
        agent = AgentSession.create(request, new Events(), transport, features);
        agent.start();
        SessionService.start(context);
        changed();
    }

    /** The customer sends a chat message; false (nothing sent) when it is empty, too long or the session is over. */
    public boolean send(String text) {
        AgentSession current = agent;
        if (current == null) {
            return false;
        }
        try {
            current.send(text);
            return true;
        } catch (MessageRefusedException e) {
            log.info("Message not sent: {}", e.getMessage());
            return false;
        }
    }

    /** The customer answers a prompt (Allow or Don't allow). */
    public void answer(ConsentPrompt prompt, boolean granted) {
        runOnMain(() -> {
            prompts.remove(prompt);
            if (agent != null) {
                agent.answer(prompt.id(), granted);
            }
            changed();
        });
    }

    /** The Stop button of the sharing notice or notification. */
    public void stopSharing() {
        AgentSession current = agent;
        if (current != null) {
            current.stopSharing();
        }
    }

    /**
     * "Hide drawings" / "Show drawings" on the sharing notice (issue 18.7): the technician's pointer
     * and strokes go at once and no more show; the technician's Viewer says the customer hid them.
     */
    public void hideDrawings(boolean hide) {
        runOnMain(() -> {
            AgentSession current = agent;
            if (current != null && current.hideDrawings(hide)) {
                drawingsHidden = hide;
                changed();
            }
        });
    }

    /** The exit icon. */
    public void leave() {
        AgentSession current = agent;
        if (current != null) {
            current.leave();
        }
    }

    /**
     * The accessibility service came or went, or the customer is back from the settings: tell the
     * technician the truth (a request-made session stays chat-only).
     */
    public void refreshCapabilities() {
        runOnMain(() -> {
            if (agent != null && phase != Phase.OVER && !chatOnly) {
                agent.updateCapabilities(capabilities.current());
            }
            changed();
        });
    }

    /** Android's capture dialog is on screen. */
    public void consentDialogShown() {
        runOnMain(consent::shown);
    }

    /** The customer taps "Allow screen capture" in the chat: Android's dialog again. */
    public void askAndroidAgain() {
        runOnMain(() -> {
            if (screenShared && !capturing) {
                consent.askAgain();
            }
        });
    }

    /** The customer declined Android's own screen-capture dialog: sharing stops, the technician is told. */
    public void projectionDeclined() {
        runOnMain(() -> {
            consent.done();
            stopSharing();
        });
    }

    /** The capture runs: pixels flow to the technician now. */
    public void captureStarted() {
        runOnMain(() -> {
            consent.done();
            capturing = true;
            changed();
        });
    }

    /**
     * Android ended the projection (the system's stop chip, another app took it) or refused it (a
     * SecurityException): sharing stops, and the technician is told.
     */
    public void projectionEnded() {
        runOnMain(() -> {
            consent.done();
            capturing = false;
            stopSharing();
            changed();
        });
    }

    // ---- state (main thread) ----

    public void observe(Observer observer) {
        observers.add(observer);
    }

    public void forget(Observer observer) {
        observers.remove(observer);
    }

    public Phase phase() { return phase; }

    public List<ChatLine> transcript() { return Collections.unmodifiableList(transcript); }

    /** Prompts waiting for the customer's answer, oldest first. */
    public List<ConsentPrompt> openPrompts() { return Collections.unmodifiableList(prompts); }

    public String technician() { return technician; }

    /** The last change of technicians (a transfer, a second technician), for the chat's status line; or null. */
    public String teamNotice() { return teamNotice; }

    public boolean screenShared() { return screenShared; }

    /** Whether the shared screen is recorded (the portal records; the screen prompt said so). */
    public boolean screenRecorded() { return screenRecorded; }

    public boolean controlShared() { return controlShared; }

    /** The customer hid the technician's drawings. */
    public boolean drawingsHidden() { return drawingsHidden; }

    /**
     * The screen is to be shared but no capture runs yet: Android's dialog is waiting for the customer
     * (the technician sees nothing until they allow it).
     */
    public boolean waitingForAndroid() { return screenShared && !capturing; }

    /** A chat-only session from the customer's own request. */
    public boolean chatOnly() { return chatOnly; }

    /** {@code technician}, {@code customer} or {@code server} once ended; null otherwise. */
    public String endedBy() { return endedBy; }

    /** Files both ways: the technician's offers and requests waiting for the customer (docs/files.md). */
    public SessionFiles files() { return files; }

    /** The portal's satisfaction survey, once the session is over (state NONE when there is none). */
    public SessionSurvey survey() { return survey; }

    /** Why the session ended, was refused or failed, in the server's or the platform's words; may be null. */
    public String endReason() { return endReason; }

    /** Why the server refused the device (wrong, used or expired code, ...); null unless refused. */
    public TandemStatus refusal() { return refusal; }

    public PhoneCapabilities capabilities() { return capabilities; }

    public SessionNotifications notifications() { return notifications; }

    /** The shared screen, sized like the phone's display. */
    public ProjectionScreen screen() {
        return phone.screen();
    }

    private void reset() {
        transcript.clear();
        prompts.clear();
        technician = "";
        screenShared = controlShared = capturing = false;
        endedBy = endReason = null;
        refusal = null;
        survey.reset();
        files.reset();
    }

    private void sharingChanged(boolean screenNow, boolean controlNow) {
        screenShared = screenNow;
        controlShared = controlNow;
        if (screenNow && !screen().isAttached()) {
            consent.ask();
        } else if (!screenNow) {
            consent.done();
            capturing = false;
            ScreenCaptureService.stop(context);
        }
    }

    private void over() {
        phase = Phase.OVER;
        prompts.clear();
        files.reset();
        screenShared = controlShared = capturing = false;
        consent.done();
        ScreenCaptureService.stop(context);
        SessionService.stop(context);
        SavedSession.clear(context);
        notifications.clear();
    }

    /** Whether the customer sees none of Tandem's screens, so news must come as a notification. */
    private boolean away() {
        return !inFront.now();
    }

    private void changed() {
        for (Observer observer : observers) {
            observer.sessionChanged(this);
        }
    }

    private void runOnMain(Runnable work) {
        if (Looper.myLooper() == Looper.getMainLooper()) {
            work.run();
        } else {
            main.post(work);
        }
    }

    /** The agent's reports, moved to the main thread. */
    private final class Events implements SessionListener {
        private void apply(Runnable change) {
            main.post(() -> {
                change.run();
                changed();
            });
        }

        @Override
        public void joined(ServerMessage.Welcome welcome) {
            apply(() -> {
                phase = Phase.JOINED;
                technician = welcome.technician == null ? "" : welcome.technician;
                if (welcome.session != null && welcome.resumeToken != null) {
                    new SavedSession(server, new ResumeTicket(welcome.session, welcome.resumeToken), customerName,
                            chatOnly).save(context);
                }
                SessionService.start(context); // its notification names the technician now
            });
        }

        @Override
        public void reconnecting(int attempt, Duration delay) {
            apply(() -> phase = Phase.RECONNECTING);
        }

        @Override
        public void resumed(ServerMessage.Welcome welcome) {
            apply(() -> phase = Phase.JOINED);
        }

        @Override
        public void chat(ServerMessage.Chat entry) {
            apply(() -> {
                transcript.add(new ChatLine(entry.sender, entry.name, entry.text));
                if ("technician".equals(entry.sender) && away()) {
                    notifications.message(entry.name == null || entry.name.isEmpty()
                            ? context.getString(R.string.chat_technician) : entry.name, entry.text);
                }
            });
        }

        @Override
        public void prompt(ConsentPrompt prompt) {
            apply(() -> {
                prompts.add(prompt);
                if (prompt.kind() == dev.tandem.agent.consent.ConsentKind.SCREEN) {
                    screenRecorded = prompt.recorded();
                }
                if (away()) {
                    notifications.prompt(context.getString(PromptTitles.of(prompt.kind())), prompt.text());
                }
            });
        }

        @Override
        public void promptClosed(String promptId) {
            apply(() -> prompts.removeIf(p -> p.id().equals(promptId)));
        }

        @Override
        public void sharing(boolean screenNow, boolean controlNow) {
            apply(() -> sharingChanged(screenNow, controlNow));
        }

        @Override
        public void transferred(String name) {
            apply(() -> {
                technician = name == null ? "" : name;
                teamNotice = context.getString(R.string.team_transferred, technician);
                SessionService.start(context); // its notification names the new technician
            });
        }

        @Override
        public void technicianJoined(String name) {
            apply(() -> teamNotice = context.getString(R.string.team_joined, name));
        }

        @Override
        public void technicianLeft(String name) {
            apply(() -> teamNotice = context.getString(R.string.team_left, name));
        }

        @Override
        public void fileOffered(FileOffer offer) {
            apply(() -> files.offered(offer));
        }

        @Override
        public void fileRequested(FileRequest request) {
            apply(() -> files.requested(request));
        }

        @Override
        public void fileSaved(String id, String name, String where) {
            apply(() -> files.finished(new SessionFiles.Outcome(SessionFiles.Outcome.Kind.SAVED, name, null)));
        }

        @Override
        public void fileSent(String id, String name) {
            apply(() -> files.finished(new SessionFiles.Outcome(SessionFiles.Outcome.Kind.SENT, name, null)));
        }

        @Override
        public void fileFailed(String id, String code, String reason) {
            apply(() -> files.finished(new SessionFiles.Outcome(SessionFiles.Outcome.Kind.FAILED, "", reason)));
        }

        @Override
        public void surveyOffered(SatisfactionSurvey offered) {
            apply(() -> survey.offer(offered));
        }

        @Override
        public void ended(String by, String reason) {
            apply(() -> {
                over();
                endedBy = by;
                endReason = reason;
            });
        }

        @Override
        public void refused(TandemStatus status, String reason) {
            apply(() -> {
                over();
                refusal = status;
                endReason = reason;
            });
        }

        @Override
        public void failed(String message) {
            apply(() -> {
                over();
                endReason = message;
            });
        }
    }
}
