package dev.tandem.agent;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.diagnostics.DiagnosticsCollector;
import dev.tandem.agent.drawing.Drawings;
import dev.tandem.agent.files.FileExchange;
import dev.tandem.agent.files.FileOffer;
import dev.tandem.agent.files.FileRequest;
import dev.tandem.agent.logs.LogFile;
import dev.tandem.agent.logs.LogSource;
import dev.tandem.agent.logs.LogUpload;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.sharing.ScreenAccess;
import dev.tandem.agent.sharing.ScreenStreams;
import dev.tandem.agent.transport.Transport;
import dev.tandem.agent.transport.WebSocketTransport;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.protocol.stream.StreamFrame;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side of one support session, as {@code docs/protocol.md} section 1 describes it:
 * the hello/welcome handshake, numbered customer messages kept until the server confirms them, the
 * transcript without duplicates, consent prompts recorded in a {@link ConsentLedger}, heartbeats,
 * and reconnecting with the resume ticket (0.5 s doubling to 10 s, with jitter) until the session
 * ends or the server refuses for good.
 *
 * <p>Create it with {@link #create}, then {@link #start()}; it reports to a {@link SessionListener}.
 *
 * <p>Threading: all session state lives on one single-threaded executor, the session's own thread.
 * Transport callbacks, timers and the public methods are all posted to it, so the state needs no
 * locks; the listener is called on it too. Public methods are safe from any thread. {@link #send}
 * and {@link #answer} wait for that thread to take the message (never for the network), and run
 * inline when called from a listener callback. The {@link ConsentLedger} is the one piece of state
 * read from other threads, and it is thread-safe itself. When the session is over (ended, refused,
 * failed or {@link #close() closed}) the socket is closed and the thread ends.
 */
public final class AgentSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentSession.class);
    private static final AtomicInteger SESSION_NUMBERS = new AtomicInteger();
    /** How long to wait for the server's {@code end} after {@code leave} before ending anyway. */
    static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);
    private static final int NORMAL_CLOSE = 1000;
    private static final int GOING_AWAY = 1001;
    private static final String APP_CLOSED = "The customer's app closed.";

    private enum Phase { NEW, CONNECTING, JOINED, WAITING, OVER }

    private final SessionRequest request;
    private final SessionListener listener;
    private final Transport transport;
    private final SessionLoop loop;
    private final ServerLink link;
    private final ConsentLedger consent = new ConsentLedger();
    private final ConsentDesk prompts = new ConsentDesk(consent);
    private final Outbox outbox = new Outbox();
    private final ScreenStreams screens;
    private final PhoneFeatures features;
    private final FileExchange files;
    /** Diagnostics and log hand-overs granted while disconnected, run after the next welcome. */
    private final List<Runnable> afterWelcome = new ArrayList<>();
    private int uploads;

    private Phase phase = Phase.NEW;
    private ResumeTicket ticket;
    private Capabilities capabilities;
    private long lastSeq;
    private boolean welcomedBefore;
    private boolean leaving;
    private ScheduledFuture<?> leaveTimer;
    private boolean sharedScreen;
    private boolean sharedControl;

    private AgentSession(SessionRequest request, SessionListener listener, Transport transport, PhoneFeatures features) {
        this.request = Objects.requireNonNull(request, "request");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ticket = request.resumeTicket().orElse(null);
        this.lastSeq = request.lastSeq();
        this.capabilities = request.capabilities();
        this.features = Objects.requireNonNull(features, "features");
        this.screens = ScreenStreams.create(features.screen(), consent);
        this.loop = new SessionLoop("tandem-session-" + SESSION_NUMBERS.incrementAndGet());
        this.files = new FileExchange(message -> {
            if (phase == Phase.JOINED) {
                transmit(message); // otherwise the server asks again after the next welcome
            }
        }, loop::post, new FileEvents());
        this.link = new ServerLink(request.server(), Objects.requireNonNull(transport, "transport"), loop,
                new ServerLink.Events() {
                    @Override
                    public AgentMessage.Hello hello() {
                        return introduction();
                    }

                    @Override
                    public void received(ServerMessage message) {
                        dispatch(message);
                    }

                    @Override
                    public void received(StreamFrame frame) {
                        screens.deliver(frame);
                    }

                    @Override
                    public void closed(int code, String reason, String failure) {
                        connectionClosed(code, reason, failure);
                    }
                });
    }

    /** A session over WebSockets ({@link WebSocketTransport}); nothing happens until {@link #start()}. */
    public static AgentSession create(SessionRequest request, SessionListener listener) {
        return create(request, listener, WebSocketTransport.create());
    }

    /** A chat-only session over the given transport; nothing happens until {@link #start()}. */
    public static AgentSession create(SessionRequest request, SessionListener listener, Transport transport) {
        return new AgentSession(request, listener, transport, PhoneFeatures.chatOnly());
    }

    /**
     * A session over the given transport on a phone that can share its screen through {@code screen}
     * (null: chat-only); nothing happens until {@link #start()}.
     */
    public static AgentSession create(SessionRequest request, SessionListener listener, Transport transport,
                                      ScreenAccess screen) {
        return new AgentSession(request, listener, transport, PhoneFeatures.chatOnly().withScreen(screen));
    }

    /** A session over the given transport on a phone offering {@code features}; nothing happens until {@link #start()}. */
    public static AgentSession create(SessionRequest request, SessionListener listener, Transport transport,
                                      PhoneFeatures features) {
        return new AgentSession(request, listener, transport, features);
    }

    /** Connects and introduces the device. Calling it again does nothing. */
    public void start() {
        loop.post(() -> {
            if (phase == Phase.NEW) {
                connect();
            }
        });
    }

    /**
     * Sends a message from the customer. It is numbered with the next {@code cseq} and kept until the
     * server confirms it ({@link SessionListener#messageDelivered}) or refuses it; while the device is
     * disconnected it waits, and after a resume it is re-sent unless the server already has it.
     *
     * @return the message's {@code cseq}
     * @throws MessageRefusedException without sending anything, when the text is blank, longer than
     *                                 {@link Limits#MAX_CHAT_CHARS} characters, or the session is over
     */
    public long send(String text) throws MessageRefusedException {
        ChatText.check(text);
        Long cseq = loop.call(() -> queueChat(text), null);
        if (cseq == null) {
            throw new MessageRefusedException(MessageRefusedException.SESSION_OVER,
                    "The session is over, so the message was not sent.");
        }
        return cseq;
    }

    /**
     * The customer's answer to an open prompt: recorded in the {@link #consent() ledger} at once and
     * sent to the server (after the reconnect, if the device is disconnected).
     *
     * @return false when no such prompt is open (already answered, withdrawn, or the session is over)
     */
    public boolean answer(String promptId, boolean granted) {
        return loop.call(() -> answerPrompt(promptId, granted), false);
    }

    /**
     * The customer's stop button: screen sharing and remote control are revoked at once (the ledger
     * changes before this returns, so no pixel is captured after it), then the server is told.
     *
     * @return true when one of them had been granted
     */
    public boolean stopSharing() {
        boolean stopped = consent.stop();
        if (stopped) {
            loop.post(this::sharingChanged);
        }
        return stopped;
    }

    /**
     * The customer takes control back while the screen stays shared; the technician's input stops at
     * once, then the server is told.
     *
     * @return true when control had been granted
     */
    public boolean takeBackControl() {
        boolean stopped = consent.stop(ConsentKind.CONTROL);
        if (stopped) {
            loop.post(this::sharingChanged);
        }
        return stopped;
    }

    /**
     * The customer hides the technician's drawings ({@code true}: what shows goes at once and nothing
     * more is drawn) or shows them again; the server is told, so the technician's Viewer says so.
     *
     * @return false on a phone that shows no drawings
     */
    public boolean hideDrawings(boolean hide) {
        Drawings drawings = features.drawings();
        if (drawings == null) {
            return false;
        }
        drawings.hide(hide);
        loop.post(this::reportDrawings);
        return true;
    }

    /** How many technicians' viewers the phone is serving right now. */
    public int viewers() {
        return screens.size();
    }

    /** What the customer has allowed; the screen, input and diagnostics collaborators read it. */
    public ConsentLedger consent() {
        return consent;
    }

    /** The phone can do more or less than before; the server is told (now, or in the next hello). */
    public void updateCapabilities(Capabilities updated) {
        Objects.requireNonNull(updated, "capabilities");
        loop.post(() -> {
            capabilities = updated;
            if (phase == Phase.JOINED) {
                transmit(new AgentMessage.CapabilitiesUpdate(updated));
                reportDrawings(); // the app's overlay may have become possible with its accessibility service
            }
        });
    }

    /**
     * The customer's exit icon: messages already written go first, then the server is told and the
     * session ends with {@code by = customer}. While the device waits to reconnect there is no one
     * to tell: the session ends here at once (the server ends it after its grace period).
     */
    public void leave() {
        loop.post(this::startLeaving);
    }

    /**
     * Stops everything without telling the listener: the socket is closed with 1001 (the server keeps
     * the session for its grace period), timers are cancelled and the session's thread ends.
     */
    @Override
    public void close() {
        if (loop.isCurrentThread()) {
            finish(null, GOING_AWAY, APP_CLOSED);
            return;
        }
        loop.post(() -> finish(null, GOING_AWAY, APP_CLOSED));
        loop.shutdownAndWait(Duration.ofSeconds(5));
    }

    // ---- everything below runs on the session loop ----

    private void connect() {
        if (phase != Phase.OVER) {
            phase = Phase.CONNECTING;
            link.connect();
        }
    }

    private AgentMessage.Hello introduction() {
        AgentMessage.Resume resume = ticket == null ? null : new AgentMessage.Resume(ticket.sessionId(), ticket.token());
        String code = ticket == null ? request.code().map(c -> c.digits()).orElse(null) : null;
        return new AgentMessage.Hello(Limits.PROTOCOL_VERSION, code, resume, request.customerName(),
                request.device(), capabilities, lastSeq, request.language());
    }

    private void dispatch(ServerMessage message) {
        if (message instanceof ServerMessage.Welcome) {
            welcomed((ServerMessage.Welcome) message);
        } else if (message instanceof ServerMessage.Chat) {
            transcriptEntry((ServerMessage.Chat) message);
        } else if (message instanceof ServerMessage.ChatAck) {
            acknowledged((ServerMessage.ChatAck) message);
        } else if (message instanceof ServerMessage.Prompt) {
            prompted((ServerMessage.Prompt) message);
        } else if (message instanceof ServerMessage.PromptClosed) {
            String id = ((ServerMessage.PromptClosed) message).id;
            if (prompts.withdraw(id)) {
                tell(l -> l.promptClosed(id));
            }
        } else if (message instanceof ServerMessage.End) {
            ServerMessage.End end = (ServerMessage.End) message;
            if (end.survey != null && end.survey.matches("[A-Za-z0-9_-]{16,128}")) {
                SatisfactionSurvey survey = new SatisfactionSurvey(request.server().api("/surveys/" + end.survey),
                        transport.tls());
                tell(l -> l.surveyOffered(survey));
            }
            finish(l -> l.ended(end.by, end.reason), NORMAL_CLOSE, "");
        } else if (message instanceof ServerMessage.Ping) {
            transmit(new AgentMessage.Pong());
        } else if (message instanceof ServerMessage.Release) {
            released((ServerMessage.Release) message);
        } else if (message instanceof ServerMessage.ScreenOpen) {
            openScreen(((ServerMessage.ScreenOpen) message).stream);
        } else if (message instanceof ServerMessage.ScreenClose) {
            screens.close(((ServerMessage.ScreenClose) message).stream);
        } else if (message instanceof ServerMessage.Transferred) {
            String technician = ((ServerMessage.Transferred) message).technician;
            tell(l -> l.transferred(technician));
        } else if (message instanceof ServerMessage.TechnicianJoined) {
            String technician = ((ServerMessage.TechnicianJoined) message).technician;
            tell(l -> l.technicianJoined(technician));
        } else if (message instanceof ServerMessage.TechnicianLeft) {
            String technician = ((ServerMessage.TechnicianLeft) message).technician;
            tell(l -> l.technicianLeft(technician));
        } else if (message instanceof ServerMessage.Drawing) {
            drawn((ServerMessage.Drawing) message);
        } else {
            files.received(message);
        }
    }

    /** Files both ways: what the exchange tells, passed on to the listener. */
    private final class FileEvents implements FileExchange.Events {
        @Override
        public void offered(FileOffer offer) {
            tell(l -> l.fileOffered(offer));
        }

        @Override
        public void requested(FileRequest request) {
            tell(l -> l.fileRequested(request));
        }

        @Override
        public void saved(String id, String name, String where) {
            tell(l -> l.fileSaved(id, name, where));
        }

        @Override
        public void sent(String id, String name) {
            tell(l -> l.fileSent(id, name));
        }

        @Override
        public void failed(String id, String code, String reason) {
            tell(l -> l.fileFailed(id, code, reason));
        }
    }

    /** A pointer position or a stroke: shown over a shared screen only (the server checks it too; the phone has the last word). */
    private void drawn(ServerMessage.Drawing drawing) {
        Drawings drawings = features.drawings();
        if (drawings != null && consent.isGranted(ConsentKind.SCREEN)) {
            drawings.show(drawing.kind, drawing.points);
        }
    }

    /**
     * Tells the server this phone shows drawings, on a screen of which size, and whether the customer
     * hid them: while the screen is shared (when sharing starts, after a resume, on every change, and
     * when the phone becomes able to show them). A phone that cannot show them now says nothing, so the
     * server refuses the technician's drawings with that reason rather than relaying them to nowhere.
     */
    private void reportDrawings() {
        Drawings drawings = features.drawings();
        if (drawings == null || phase != Phase.JOINED || !consent.isGranted(ConsentKind.SCREEN) || !drawings.canShow()) {
            return;
        }
        ScreenSize phone = features.screen().screen().geometry().phone();
        transmit(new AgentMessage.Drawings(drawings.hidden(), phone.width(), phone.height()));
    }

    private void released(ServerMessage.Release release) {
        boolean changed = release.screen && consent.release(ConsentKind.SCREEN);
        changed |= (release.screen || release.control) && consent.release(ConsentKind.CONTROL);
        if (changed) {
            reportSharing();
        }
    }

    private void openScreen(long stream) {
        if (stream <= 0 || stream > 0xFFFF_FFFFL) {
            log.warn("Ignoring a screen stream with the invalid id {}", stream);
            return;
        }
        screens.open(stream, link.binarySink(), (id, reason) -> loop.post(
                () -> transmit(new AgentMessage.ScreenClosed(id, reason))))
                .ifPresent(refusal -> transmit(new AgentMessage.ScreenClosed(stream, refusal)));
    }

    /** Collects the report off the session's thread (it may be slow on a phone), then sends it. */
    private void sendDiagnostics(String promptId) {
        DiagnosticsCollector collector = features.diagnostics();
        if (collector == null) {
            transmit(new AgentMessage.Diagnostics(promptId, null, "This phone cannot collect diagnostics."));
            return;
        }
        offThread("tandem-diagnostics", () -> {
            AgentMessage.Diagnostics message = consent.isGranted(ConsentKind.DIAGNOSTICS)
                    ? new AgentMessage.Diagnostics(promptId, collector.collect(), null)
                    : new AgentMessage.Diagnostics(promptId, null, "The customer withdrew the permission.");
            loop.post(() -> transmit(message));
        });
    }

    /** Collects the log files off the session's thread, then uploads them in order. */
    private void sendLogs(String promptId) {
        LogSource source = features.logs();
        if (source == null) {
            transmit(new AgentMessage.LogsDone(promptId, 0));
            return;
        }
        offThread("tandem-logs", () -> {
            List<LogFile> files;
            try {
                files = source.collect();
            } catch (IOException | RuntimeException e) {
                log.warn("Collecting the log files failed: {}", e.toString());
                files = List.of();
            }
            List<LogFile> collected = files;
            loop.post(() -> {
                for (LogFile file : collected) {
                    LogUpload.messages(promptId, "u" + (++uploads), file).forEach(this::transmit);
                }
                transmit(new AgentMessage.LogsDone(promptId, collected.size()));
            });
        });
    }

    private static void offThread(String name, Runnable work) {
        Thread worker = new Thread(work, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** The customer changed what they share outside a prompt: tell the listener and the server. */
    private void sharingChanged() {
        reportSharing();
        if (phase == Phase.JOINED) {
            transmit(new AgentMessage.Sharing(consent.isGranted(ConsentKind.SCREEN),
                    consent.isGranted(ConsentKind.CONTROL)));
        }
    }

    /** Tells the listener when what is shared differs from what it last heard. */
    private void reportSharing() {
        boolean screen = consent.isGranted(ConsentKind.SCREEN);
        boolean control = consent.isGranted(ConsentKind.CONTROL);
        if (screen != sharedScreen || control != sharedControl) {
            boolean screenChanged = screen != sharedScreen;
            sharedScreen = screen;
            sharedControl = control;
            tell(l -> l.sharing(screen, control));
            if (screenChanged && screen) {
                reportDrawings();
            } else if (screenChanged && features.drawings() != null) {
                features.drawings().clear();
            }
        }
    }

    private void welcomed(ServerMessage.Welcome welcome) {
        boolean first = !welcomedBefore;
        welcomedBefore = true;
        phase = Phase.JOINED;
        link.welcomed(welcome.heartbeatSeconds);
        if (welcome.session != null && welcome.resumeToken != null) {
            ticket = new ResumeTicket(welcome.session, welcome.resumeToken);
        }
        outbox.numberAfter(welcome.lastCseq);
        if (first) {
            tell(l -> l.joined(welcome));
        } else {
            tell(l -> l.resumed(welcome));
        }
        outbox.waiting().forEach((cseq, text) -> transmit(new AgentMessage.Chat(cseq, text)));
        prompts.takeHeldAnswers().forEach(this::transmit);
        List<Runnable> handOvers = new ArrayList<>(afterWelcome);
        afterWelcome.clear();
        handOvers.forEach(Runnable::run);
        if (!first && (consent.decision(ConsentKind.SCREEN) != ConsentLedger.Decision.NOT_ASKED
                || consent.decision(ConsentKind.CONTROL) != ConsentLedger.Decision.NOT_ASKED)) {
            // Anything was ever shared: the server lowers its state to this (e.g. a stop given while away).
            transmit(new AgentMessage.Sharing(sharedScreen, sharedControl));
            reportDrawings();
        }
        if (leaving) {
            sendLeave();
        }
    }

    private void transcriptEntry(ServerMessage.Chat entry) {
        transmit(new AgentMessage.Ack(entry.seq));
        if (entry.seq > lastSeq) {
            lastSeq = entry.seq;
            tell(l -> l.chat(entry));
        }
    }

    private void acknowledged(ServerMessage.ChatAck ack) {
        if (ack.error == null && ack.seq == null) {
            log.warn("Ignoring an ack for message {} with neither seq nor error", ack.cseq);
            return;
        }
        if (!outbox.settle(ack.cseq)) {
            return; // settled before: the server acks a re-sent duplicate again
        }
        if (ack.error != null) {
            tell(l -> l.messageRefused(ack.cseq, ack.error.code, ack.error.message));
        } else {
            tell(l -> l.messageDelivered(ack.cseq, ack.seq));
        }
    }

    private void prompted(ServerMessage.Prompt prompt) {
        Optional<ConsentKind> kind = ConsentKind.fromWireName(prompt.kind);
        if (kind.isEmpty()) {
            // What the agent cannot name it cannot enforce: decline rather than ask the customer.
            log.warn("Declining a prompt of unknown kind '{}'", prompt.kind);
            transmit(new AgentMessage.Answer(prompt.id, false));
            return;
        }
        Optional<AgentMessage.Answer> earlier = prompts.previousAnswer(prompt.id);
        if (earlier.isPresent()) {
            transmit(earlier.get()); // the server lost our answer with a connection
            return;
        }
        if (!prompt.ask && kind.get() == ConsentKind.SCREEN) {
            // The portal shares the screen without asking; the customer sees the notice and can stop.
            transmit(prompts.grantWithoutAsking(prompt.id, ConsentKind.SCREEN));
            reportSharing();
            return;
        }
        if (kind.get() == ConsentKind.DIAGNOSTICS && (!prompt.ask || consent.isGranted(ConsentKind.DIAGNOSTICS))) {
            // The portal reads diagnostics without asking, or the customer already allowed it: a refresh.
            transmit(prompts.grantWithoutAsking(prompt.id, ConsentKind.DIAGNOSTICS));
            sendDiagnostics(prompt.id);
            return;
        }
        // Anything else is always asked, whatever the prompt says.
        prompts.ask(prompt.id, kind.get(), prompt.text, prompt.recorded).ifPresent(asked -> tell(l -> l.prompt(asked)));
    }

    private Long queueChat(String text) {
        if (phase == Phase.OVER || leaving) {
            return null;
        }
        long cseq = outbox.add(text);
        if (phase == Phase.JOINED) {
            transmit(new AgentMessage.Chat(cseq, text));
        }
        return cseq;
    }

    private boolean answerPrompt(String promptId, boolean granted) {
        if (phase == Phase.OVER) {
            return false;
        }
        Optional<ConsentKind> kind = prompts.kindOf(promptId);
        Optional<AgentMessage.Answer> answer = prompts.answer(promptId, granted);
        answer.ifPresent(message -> {
            if (phase == Phase.JOINED) {
                transmit(message);
            } else {
                prompts.holdForNextConnection(message);
            }
            reportSharing();
            Runnable handOver = granted && kind.orElse(null) == ConsentKind.DIAGNOSTICS ? () -> sendDiagnostics(promptId)
                    : granted && kind.orElse(null) == ConsentKind.LOGS ? () -> sendLogs(promptId) : null;
            if (handOver != null && phase == Phase.JOINED) {
                handOver.run();
            } else if (handOver != null) {
                // Disconnected: the report or files follow the held answer once the server let us back in
                // (sent now they would reach the next connection before its hello).
                afterWelcome.add(handOver);
            }
        });
        return answer.isPresent();
    }

    private void startLeaving() {
        if (phase == Phase.OVER || leaving) {
            return;
        }
        if (phase == Phase.JOINED) {
            leaving = true;
            sendLeave();
        } else if (phase == Phase.CONNECTING) {
            leaving = true; // sent right after the welcome, behind the messages already written
        } else {
            finish(l -> l.ended("customer", null), NORMAL_CLOSE, "The customer left.");
        }
    }

    private void sendLeave() {
        transmit(new AgentMessage.Leave());
        leaveTimer = loop.schedule(() -> finish(l -> l.ended("customer", null), NORMAL_CLOSE, "The customer left."),
                LEAVE_TIMEOUT);
    }

    private void connectionClosed(int code, String reason, String failure) {
        if (phase == Phase.OVER) {
            return;
        }
        screens.closeAll(); // viewers reconnect through the server once the phone is back
        switch (CloseVerdict.of(code, ticket != null)) {
            case RETRY:
                if (leaving) {
                    finish(l -> l.ended("customer", null), NORMAL_CLOSE, "");
                } else {
                    phase = Phase.WAITING;
                    Duration delay = link.reconnectLater();
                    int attempt = link.attempts();
                    tell(l -> l.reconnecting(attempt, delay));
                }
                break;
            case REFUSED:
                TandemStatus status = TandemStatus.fromCloseCode(code);
                String sentence = reason == null || reason.isEmpty() ? status.message() : reason;
                finish(l -> l.refused(status, sentence), NORMAL_CLOSE, "");
                break;
            default:
                finish(l -> l.failed(failure), NORMAL_CLOSE, "");
        }
    }

    /**
     * The session is over: stop timers, close the socket, tell the listener (unless the owner closed
     * it) and let the session's thread end once this task returns.
     */
    private void finish(Consumer<SessionListener> lastWord, int closeCode, String closeReason) {
        if (phase == Phase.OVER) {
            return;
        }
        phase = Phase.OVER;
        SessionLoop.cancel(leaveTimer);
        screens.closeAll();
        link.stop(closeCode, closeReason);
        if (lastWord != null) {
            tell(lastWord);
        }
        loop.shutdown();
    }

    private void transmit(AgentMessage message) {
        link.send(message);
    }

    private void tell(Consumer<SessionListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            log.error("The session listener failed", e);
        }
    }
}
