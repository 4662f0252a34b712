package dev.tandem.server.requests;

import dev.tandem.server.LogText;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.records.SystemNotices;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.AttemptLimiter;
import dev.tandem.server.net.ClientAddress;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.events.Outlet;
import dev.tandem.server.mail.Addresses;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.view.ChatRequestView;
import dev.tandem.server.view.CustomerRequestView;
import dev.tandem.server.view.Views;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat-only requests: created by a customer on a portal, taken once by a technician (which opens a
 * chat-only session), cancelled by the customer, or expired after the portal's timeout, when the
 * customer may leave an email address for follow-up. Every change is pushed to the waiting
 * customers of the portal (their positions move) and to every signed-in console. Thread-safe.
 */
public final class ChatRequests {
    public static final int MAX_NAME_CHARS = Limits.MAX_NAME_CHARS;
    public static final int MAX_DESCRIPTION_CHARS = 1000;
    public static final int MAX_EMAIL_CHARS = 320;
    public static final Duration RATE_WINDOW = Duration.ofMinutes(10);
    static final String CHAT_ONLY_REASON = "A chat-only session (a customer's request from the portal page)";
    private static final Logger LOG = LoggerFactory.getLogger(ChatRequests.class);

    private final RequestStore store;
    private final PortalStore portals;
    private final LiveSessions sessions;
    private final Events consoles;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final AttemptLimiter perAddress;
    private final int requestsPerAddress;
    private final Map<String, Set<Outlet>> watchers = new ConcurrentHashMap<>();
    /** Where updates go besides this node's watchers: nowhere when the server runs alone. */
    private volatile BiConsumer<String, String> otherNodes = (id, frame) -> { };
    /** Issue 18.2: whether a technician may take a request created at the instant yet (availability). */
    private volatile java.util.function.BiPredicate<User, Instant> mayTake = (technician, created) -> true;

    public ChatRequests(Database database, PortalStore portals, LiveSessions sessions, Events consoles,
                        AuditLog audit, Clock clock, ObjectMapper json, int requestsPerAddress) {
        this.store = new RequestStore(database);
        this.portals = portals;
        this.sessions = sessions;
        this.consoles = consoles;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.perAddress = new AttemptLimiter(requestsPerAddress, RATE_WINDOW, clock);
        this.requestsPerAddress = requestsPerAddress;
    }

    /** What a customer sends to ask for a chat; {@code device} may be null (a browser that says nothing). */
    public record NewRequest(String name, String description, String email, DeviceInfo device) {
    }

    /** A created request and the customer's secret for it (shown once). */
    public record Created(ChatRequest request, String token, int position) {
    }

    // ---- customer side ----------------------------------------------------------------------

    public Optional<Portal> findPortal(String slug) {
        return portals.findBySlug(slug);
    }

    public Portal portalOrNotFound(String slug) {
        return portals.findBySlug(slug).orElseThrow(() -> Rejection.notFound("There is no portal '" + slug + "'."));
    }

    public Portal portalTakingRequests(String slug) {
        Portal portal = portalOrNotFound(slug);
        if (!portal.allowChatRequests()) {
            throw Rejection.of(ErrorCode.REQUESTS_DISABLED,
                    "This portal does not take chat requests. Contact your support team another way.");
        }
        return portal;
    }

    public Created create(String slug, NewRequest input, ClientAddress client) {
        Portal portal = portalTakingRequests(slug);
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            throw Rejection.of(ErrorCode.NAME_REQUIRED, "Type your name.");
        }
        if (Limits.characters(name) > MAX_NAME_CHARS) {
            throw Rejection.of(ErrorCode.NAME_TOO_LONG,
                    "A name can have at most " + MAX_NAME_CHARS + " characters.");
        }
        String description = input.description() == null ? "" : input.description().strip();
        if (description.isEmpty()) {
            throw Rejection.of(ErrorCode.DESCRIPTION_REQUIRED, "Describe briefly what is wrong.");
        }
        if (Limits.characters(description) > MAX_DESCRIPTION_CHARS) {
            throw Rejection.of(ErrorCode.DESCRIPTION_TOO_LONG, "A description can have at most "
                    + MAX_DESCRIPTION_CHARS + " characters; this one has " + Limits.characters(description) + ".");
        }
        String email = email(input.email());
        DeviceInfo device = input.device();
        String manufacturer = device == null ? null : cut(device.manufacturer, 80);
        String model = device == null ? null : cut(device.model, 80);
        String profile = device == null ? null : cut(device.profile, 32);
        if (perAddress.isBlocked(client.limitKey())) {
            throw Rejection.of(ErrorCode.RATE_LIMITED, "Too many requests from your address: at most "
                    + requestsPerAddress + " every " + RATE_WINDOW.toMinutes() + " minutes. Wait a few minutes and try again.",
                    perAddress.retryAfter(client.limitKey()));
        }
        perAddress.recordFailure(client.limitKey());
        String id = Secrets.id("r");
        String token = Secrets.token(32);
        Instant now = clock.instant();
        store.insert(id, portal.id(), name, description, email, Secrets.sha256(token), client.text(), manufacturer, model,
                profile, now, now.plus(Duration.ofMinutes(portal.requestTimeoutMinutes())));
        ChatRequest request = store.find(id).orElseThrow();
        audit.record(AuditLog.customer(name), AuditAction.REQUEST_CREATED, null, email == null
                ? Phrase.of("audit.requestCreated", "request", id, "portal", portal.slug(), "address", client.text())
                : Phrase.of("audit.requestCreatedWithEmail", "request", id, "portal", portal.slug(),
                        "address", client.text(), "email", email));
        LOG.info("Chat request {} on portal {}", id, LogText.escape(portal.slug()));
        int position = store.position(request);
        consoles.requestChanged("created", technicianView(request, position));
        return new Created(request, token, position);
    }

    /** The request {@code id} if {@code token} is its customer's secret; 404 otherwise (either way). */
    public ChatRequest forCustomer(String id, String token) {
        Optional<ChatRequest> request = store.find(id);
        if (request.isEmpty() || token == null || !MessageDigest.isEqual(
                request.get().tokenHash().getBytes(StandardCharsets.US_ASCII),
                Secrets.sha256(token).getBytes(StandardCharsets.US_ASCII))) {
            throw Rejection.notFound("There is no request " + id + " with this token.");
        }
        return request.get();
    }

    public ChatRequest cancel(String id, String token) {
        ChatRequest request = forCustomer(id, token);
        if (store.close(id, ChatRequest.Status.CANCELLED, clock.instant())) {
            audit.record(AuditLog.customer(request.customerName()), AuditAction.REQUEST_CANCELLED, null,
                    Phrase.of("audit.requestCancelled", "request", id, "portal", request.portal().slug()));
            changed(id, "removed");
            return store.find(id).orElseThrow();
        }
        ChatRequest now = store.find(id).orElseThrow();
        return switch (now.status()) {
            case CANCELLED -> now;
            case ACCEPTED -> throw Rejection.of(ErrorCode.REQUEST_ACCEPTED,
                    "A technician has already taken this request: the chat is open.");
            default -> throw Rejection.of(ErrorCode.REQUEST_EXPIRED,
                    "This request has expired: nobody took it in time. You may leave an email address for follow-up.");
        };
    }

    public ChatRequest followUp(String id, String token, String emailText) {
        ChatRequest request = forCustomer(id, token);
        String email = email(emailText);
        if (email == null) {
            throw Rejection.of(ErrorCode.BAD_ADDRESS, "Enter your email address.");
        }
        if (!store.followUp(id, email)) {
            throw Rejection.of(ErrorCode.NOT_EXPIRED,
                    "An email for follow-up can be left only after a request has expired.");
        }
        audit.record(AuditLog.customer(request.customerName()), AuditAction.REQUEST_FOLLOW_UP, null,
                Phrase.of("audit.requestFollowUp", "request", id, "portal", request.portal().slug(), "email", email));
        changed(id, "updated");
        return store.find(id).orElseThrow();
    }

    // ---- technician side --------------------------------------------------------------------

    /** Requests for technicians: waiting ones (default), expired ones (follow-ups), or all of them. */
    public List<ChatRequestView> list(Optional<ChatRequest.Status> status) {
        List<ChatRequest> requests = store.list(status, 500);
        Map<Long, Integer> counters = new java.util.HashMap<>();
        return requests.stream().map(r -> technicianView(r, r.status() == ChatRequest.Status.WAITING
                ? counters.merge(r.portal().id(), 1, Integer::sum) : 0)).toList();
    }

    /**
     * Issue 18.2: how a technician takes a session that waits in a queue (the request names it): a
     * transfer of that session to them, given the take of the request to run on the session's loop.
     */
    public interface QueuedTake {
        void take(User technician, String sessionId, java.util.function.BooleanSupplier takeRequest);
    }

    private volatile QueuedTake queuedTake = (technician, session, take) -> {
        throw new IllegalStateException("Taking a queued session is not plugged in.");
    };

    /** Issue 18.2: plugs in how a queued session is taken (once, at start-up). */
    public void takeQueuedWith(QueuedTake take) {
        this.queuedTake = take;
    }

    /**
     * Issue 18.2: a live session waits in {@code slug}'s line (transferred to the portal's queue). Its
     * customer is already in the chat; the request only stands for the session in the Requests panel.
     */
    public ChatRequestView queue(String sessionId, String slug, String customerName, String description) {
        Portal portal = portalOrNotFound(slug);
        if (store.waitingForSession(sessionId).isPresent()) {
            throw Rejection.of(ErrorCode.ALREADY_ON_SESSION, "This session is waiting in a queue already.");
        }
        String id = Secrets.id("r");
        Instant now = clock.instant();
        store.insertQueued(id, portal.id(), customerName, description, Secrets.sha256(Secrets.token(32)), sessionId,
                now, now.plus(Duration.ofMinutes(portal.requestTimeoutMinutes())));
        ChatRequest request = store.find(id).orElseThrow();
        ChatRequestView view = technicianView(request, store.position(request));
        consoles.requestChanged("created", view);
        return view;
    }

    /** Issue 18.2: takes the queued request of {@code sessionId} for {@code technician}; the session's id. */
    public String takeQueued(User technician, String sessionId) {
        ChatRequest request = store.waitingForSession(sessionId).orElseThrow(() ->
                Rejection.notFound("Session " + sessionId + " is not waiting in a queue."));
        return accept(technician, request.id());
    }

    /**
     * Issue 18.2: the session of a queued request ended before anyone took it (the customer left,
     * the phone stayed away): the request leaves every Requests panel. A failure costs only that.
     */
    public void queuedSessionEnded(String sessionId) {
        try {
            store.waitingForSession(sessionId).ifPresent(request -> {
                if (store.close(request.id(), ChatRequest.Status.CANCELLED, clock.instant())) {
                    changed(request.id(), "removed");
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Session {} ended: its place in a queue could not be withdrawn: {}", sessionId, e.getMessage());
        }
    }

    /** Issue 18.2: who is offered a waiting request first (once, at start-up). */
    public void offerFirst(java.util.function.BiPredicate<User, Instant> rule) {
        this.mayTake = rule;
    }

    /** Takes a waiting request: opens a chat-only session owned by {@code technician}; the session's id. */
    public String accept(User technician, String id) {
        ChatRequest request = store.find(id).orElseThrow(() -> Rejection.notFound("There is no request " + id + "."));
        if (request.status() == ChatRequest.Status.WAITING && !mayTake.test(technician, request.createdAt())) {
            throw Rejection.of(ErrorCode.OFFERED_TO_AVAILABLE_FIRST, "This request is offered to available technicians"
                    + " first; set yourself available, or take it once it has waited 30 seconds.");
        }
        if (request.sessionId().isPresent() && request.status() == ChatRequest.Status.WAITING) {
            // A session transferred to this queue: taking it hands that session over (issue 18.2).
            Instant at = clock.instant();
            try {
                queuedTake.take(technician, request.sessionId().get(), () -> store.acceptQueued(id, technician.id(), at));
            } catch (Rejection e) {
                if (e.refusal() == ErrorCode.SESSION_ENDED && store.close(id, ChatRequest.Status.CANCELLED, at)) {
                    changed(id, "removed"); // the session ended while it waited: it leaves the line
                }
                throw e;
            }
            audit.record(technician.username(), AuditAction.REQUEST_ACCEPTED, request.sessionId().get(),
                    Phrase.of("audit.requestAccepted", "request", id, "portal", request.portal().slug(),
                            "customer", request.customerName()));
            changed(id, "removed");
            return request.sessionId().get();
        }
        DeviceInfo device = new DeviceInfo(request.deviceManufacturer() == null ? "Web browser" : request.deviceManufacturer(),
                request.deviceModel() == null ? "Unknown" : request.deviceModel(), null, 0,
                request.deviceProfile() == null ? "web" : request.deviceProfile());
        Capabilities chatOnly = new Capabilities(Capability.available(), Capability.missing(CHAT_ONLY_REASON),
                Capability.missing(CHAT_ONLY_REASON), Capability.missing(CHAT_ONLY_REASON));
        Instant now = clock.instant();
        Optional<String> opened = sessions.openForRequest(technician, request.portal(), request.customerName(), device,
                chatOnly, request.tokenHash(), (h, session) -> RequestStore.accept(h, id, technician.id(), session, now),
                SystemNotices.requestTaken(technician.displayName(), request.customerName(), request.description()));
        opened.ifPresent(session -> {
            audit.record(technician.username(), AuditAction.REQUEST_ACCEPTED, session, Phrase.of("audit.requestAccepted",
                    "request", id, "portal", request.portal().slug(), "customer", request.customerName()));
            changed(id, "removed");
        });
        return opened.orElseThrow(() -> refusedTake(id));
    }

    private Rejection refusedTake(String id) {
        ChatRequest now = store.find(id).orElseThrow();
        return switch (now.status()) {
            case ACCEPTED -> Rejection.of(ErrorCode.REQUEST_TAKEN, "Another technician ("
                    + now.acceptedBy().orElse("?") + ") has already taken this request.");
            case CANCELLED -> Rejection.of(ErrorCode.REQUEST_CANCELLED,
                    "The customer cancelled this request.");
            default -> Rejection.of(ErrorCode.REQUEST_EXPIRED,
                    "This request expired before anyone took it.");
        };
    }

    /** Expires the waiting requests whose portal timeout has passed (runs every second). */
    public void expireDue() {
        Instant now = clock.instant();
        for (String id : store.due(now)) {
            if (store.close(id, ChatRequest.Status.EXPIRED, now)) {
                store.find(id).ifPresent(r -> audit.record(AuditLog.SYSTEM, AuditAction.REQUEST_EXPIRED, null,
                        Phrase.of("audit.requestExpired", "request", id, "portal", r.portal().slug(), "customer",
                                r.customerName(), "minutes", String.valueOf(r.portal().requestTimeoutMinutes()))));
                changed(id, "removed");
            }
        }
    }

    // ---- live customer pages ----------------------------------------------------------------

    /** A customer's socket watches its request; it gets the current view now and after every change. */
    public void watch(ChatRequest request, Outlet sender) {
        watchers.computeIfAbsent(request.id(), k -> ConcurrentHashMap.newKeySet()).add(sender);
        sender.send(frame(store.find(request.id()).orElse(request)));
    }

    public void unwatch(String id, Outlet sender) {
        watchers.computeIfPresent(id, (k, set) -> {
            set.remove(sender);
            return set.isEmpty() ? null : set;
        });
    }

    public void pingWatchers() {
        // A text frame, not a WebSocket ping: a page's script cannot see pings and uses these to notice a dead link.
        watchers.values().forEach(set -> set.forEach(s -> s.send("{\"type\":\"ping\"}")));
    }

    /** Request {@code id} changed: tell its customer, the rest of its portal's line, and the consoles. */
    private void changed(String id, String consoleAction) {
        ChatRequest request = store.find(id).orElseThrow();
        consoles.requestChanged(consoleAction, technicianView(request, store.position(request)));
        push(request, store.position(request));
        List<ChatRequest> line = store.waiting(request.portal().id());
        for (int i = 0; i < line.size(); i++) {
            ChatRequest waiting = line.get(i);
            push(waiting, i + 1);
            if (!waiting.id().equals(id)) {
                consoles.requestChanged("updated", technicianView(waiting, i + 1));
            }
        }
    }

    private void push(ChatRequest request, int position) {
        String frame = encode(customerView(request, position));
        deliver(request.id(), frame);
        otherNodes.accept(request.id(), frame);
    }

    /**
     * In a cluster the customer's page may be held by another node: {@code send(requestId, frame)}
     * takes every update there too (the bus; set once at start).
     */
    public void alsoTell(BiConsumer<String, String> send) {
        this.otherNodes = send;
    }

    /** An update for the watchers of {@code requestId} this node holds (made here or on another node). */
    public void deliver(String requestId, String frame) {
        Set<Outlet> set = watchers.get(requestId);
        if (set != null) {
            set.forEach(s -> s.send(frame));
        }
    }

    private String frame(ChatRequest request) {
        return encode(customerView(request, store.position(request)));
    }

    // ---- views -----------------------------------------------------------------------------

    public CustomerRequestView customerView(ChatRequest r) {
        return customerView(r, store.position(r));
    }

    private static CustomerRequestView customerView(ChatRequest r, int position) {
        return new CustomerRequestView(r.id(), r.status().wireName(), positionIfWaiting(r, position), r.portal().slug(),
                r.portal().name(), r.customerName(), r.description(), r.email().orElse(null),
                r.followUpEmail().orElse(null), Views.iso(r.createdAt()), Views.iso(r.expiresAt()),
                r.sessionId().orElse(null), r.acceptedBy().orElse(null));
    }

    private static ChatRequestView technicianView(ChatRequest r, int position) {
        return new ChatRequestView(r.id(), r.portal().slug(), r.portal().name(), r.customerName(), r.description(),
                r.email().orElse(null), r.followUpEmail().orElse(null), r.status().wireName(), Views.iso(r.createdAt()),
                Views.iso(r.expiresAt()), positionIfWaiting(r, position), r.sessionId().orElse(null),
                r.acceptedBy().orElse(null));
    }

    private static Integer positionIfWaiting(ChatRequest r, int position) {
        return r.status() == ChatRequest.Status.WAITING ? position : null;
    }

    private static String email(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > MAX_EMAIL_CHARS) {
            throw Rejection.of(ErrorCode.BAD_ADDRESS,
                    "An email address can have at most " + MAX_EMAIL_CHARS + " characters.");
        }
        return Addresses.parse(text).getAddress();
    }

    private static String cut(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    /** The customer's frame {@code {"type":"request","request":…}}. */
    private String encode(CustomerRequestView view) {
        try {
            return json.writeValueAsString(new CustomerFrame("request", view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record CustomerFrame(String type, CustomerRequestView request) {
    }
}
