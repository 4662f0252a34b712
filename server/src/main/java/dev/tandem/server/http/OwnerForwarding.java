package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.LogText;
import dev.tandem.server.Rejection;
import dev.tandem.server.bus.Bus;
import dev.tandem.server.bus.Subjects;
import dev.tandem.server.domain.User;
import dev.tandem.server.http.SessionCommands.Answer;
import dev.tandem.server.http.SessionCommands.Call;
import dev.tandem.server.http.SessionCommands.Command;
import dev.tandem.server.store.UserStore;
import io.javalin.http.Context;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a {@link SessionCommands} call to the node that owns the session, over the bus
 * (request/reply on {@link Subjects#commands}), and runs the calls other nodes carry here. The call
 * crosses as its command's name, the technician's user id, the session, {@code Accept-Language}, the
 * idempotency key and the JSON body; the answer as its status, {@code Retry-After} and JSON body,
 * written unchanged. A message always crosses with a key (the client's, else one made here per
 * request), so a retry is stored once. No answer within {@link #PATIENCE} (the owner is gone, or the
 * bus is away) is a 503 {@code node_unreachable}, safe to retry. Thread-safe.
 */
final class OwnerForwarding {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerForwarding.class);
    /** How long a forwarded call waits for the owner: a live command takes milliseconds, a disk write at most a few seconds. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    static final String COMMAND = "Tandem-Command";
    static final String USER = "Tandem-User";
    static final String SESSION = "Tandem-Session";
    static final String LANGUAGE = "Accept-Language";
    static final String KEY = "Idempotency-Key";
    static final String STATUS = "Tandem-Status";
    static final String RETRY_AFTER = "Retry-After";
    /** The asked node no longer owns the session (it moved meanwhile): ask the new owner once more. */
    static final String MOVED = "Tandem-Moved";
    private final Bus bus;
    private final Function<String, Optional<String>> ownerOf;
    private final UserStore users;
    private final ObjectMapper json;
    private final SessionCommands commands;

    /** {@code ownerOf}: the node holding a session's phone, from the database (empty: none, or not live). */
    OwnerForwarding(Bus bus, Function<String, Optional<String>> ownerOf, UserStore users, ObjectMapper json,
                    SessionCommands commands) {
        this.bus = bus;
        this.ownerOf = ownerOf;
        this.users = users;
        this.json = json;
        this.commands = commands;
        commands.forwardWith(this);
        bus.serve(Subjects.commands(bus.nodeId()), this::runHere, this::busy);
    }

    /** The owner of {@code sessionId} when it is another node. */
    Optional<String> ownerElsewhere(String sessionId) {
        return ownerOf.apply(sessionId).filter(node -> !node.equals(bus.nodeId()));
    }

    /** Runs {@code call} on {@code owner} and writes its answer; a session that moved meanwhile is followed once. */
    void forward(Context ctx, String owner, Command command, Call call) throws Exception {
        Call keyed = call.key().isPresent() || command.input() != SessionCommands.Input.BODY_AND_KEY ? call
                : new Call(call.user(), call.sessionId(), call.body(), call.acceptLanguage(),
                        Optional.of(UUID.randomUUID().toString()));
        Message answer = ask(owner, command, keyed);
        String movedTo = answer.getHeaders().getFirst(MOVED);
        if (movedTo != null) {
            Optional<String> now = ownerOf.apply(call.sessionId());
            if (now.isEmpty() || now.get().equals(bus.nodeId())) {
                Answer here = command.work().run(keyed);
                ctx.status(here.status()).json(here.body());
                return;
            }
            answer = ask(now.get(), command, keyed);
            if (answer.getHeaders().getFirst(MOVED) != null) {
                throw unreachable();
            }
        }
        Headers headers = answer.getHeaders();
        ctx.status(Integer.parseInt(headers.getFirst(STATUS)));
        Optional.ofNullable(headers.getFirst(RETRY_AFTER)).ifPresent(wait -> ctx.header(RETRY_AFTER, wait));
        ErrorResponses.markWritten(ctx);
        ctx.contentType("application/json").result(answer.getData());
    }

    private Message ask(String owner, Command command, Call call) {
        Headers headers = new Headers().put(COMMAND, command.name()).put(USER, String.valueOf(call.user().id()))
                .put(SESSION, call.sessionId());
        if (call.acceptLanguage() != null && call.acceptLanguage().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            headers.put(LANGUAGE, call.acceptLanguage());
        }
        call.key().ifPresent(key -> headers.put(KEY, key));
        byte[] body = command.input() == SessionCommands.Input.NOTHING ? new byte[0] : encode(call.body());
        try {
            Message answer = bus.ask(Subjects.commands(owner), headers, body, PATIENCE)
                    .get(PATIENCE.toMillis() + 500, TimeUnit.MILLISECONDS);
            if (answer == null || answer.isStatusMessage() || answer.getHeaders() == null
                    || (answer.getHeaders().getFirst(STATUS) == null && answer.getHeaders().getFirst(MOVED) == null)) {
                throw unreachable();
            }
            return answer;
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            LOG.warn("Node {} did not answer {} on session {} ({})", LogText.escape(owner), command.name(),
                    LogText.escape(call.sessionId()), e.getClass().getSimpleName());
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
    }

    /** A call another node forwarded: run it as if it had arrived here, for the same technician. */
    private Bus.Reply runHere(Message request) {
        Headers headers = request.getHeaders();
        String sessionId = headers.getFirst(SESSION);
        Optional<String> elsewhere = ownerElsewhere(sessionId);
        if (elsewhere.isPresent()) {
            return new Bus.Reply(new Headers().put(MOVED, elsewhere.get()), new byte[0]);
        }
        Optional<Command> command = commands.named(headers.getFirst(COMMAND));
        if (command.isEmpty()) {
            // A node of another version: its caller gets a sentence, not a timeout.
            return refused(Rejection.of(ErrorCode.NODE_UNREACHABLE, "The node holding this session runs another "
                    + "version of Tandem and cannot do this; try again once every node is updated.",
                    Duration.ofSeconds(30)), "an unknown command");
        }
        String what = command.get().name() + " on session " + LogText.escape(sessionId);
        try {
            // The technician's account may have been disabled or made a technician since the call was authenticated.
            User user = users.findById(Long.parseLong(headers.getFirst(USER))).filter(User::enabled)
                    .orElseThrow(() -> Rejection.of(ErrorCode.UNAUTHENTICATED, "Sign in again: this account is disabled."));
            JsonNode body = request.getData().length == 0 ? json.createObjectNode() : json.readTree(request.getData());
            Call call = new Call(user, sessionId, body, headers.getFirst(LANGUAGE), Optional.ofNullable(headers.getFirst(KEY)));
            Answer answer = command.get().work().run(call);
            return reply(answer.status(), json.writeValueAsBytes(answer.body()), Optional.empty());
        } catch (Exception e) {
            return refused(e, what);
        }
    }

    private Bus.Reply busy(Message request) {
        return refused(Rejection.of(ErrorCode.NODE_UNREACHABLE, "The node holding this session is too busy to "
                + "answer now; try again in a few seconds.", Duration.ofSeconds(2)), "a command (busy)");
    }

    private Bus.Reply refused(Exception e, String what) {
        ErrorResponses.Refusal refusal = ErrorResponses.refusal(e, what);
        return reply(refusal.code().httpStatus(), encode(ErrorResponses.body(refusal.code(), refusal.message())),
                refusal.retryAfter().map(wait -> String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000))));
    }

    private static Bus.Reply reply(int status, byte[] body, Optional<String> retryAfter) {
        Headers headers = new Headers().put(STATUS, String.valueOf(status));
        retryAfter.ifPresent(wait -> headers.put(RETRY_AFTER, wait));
        return new Bus.Reply(headers, body);
    }

    private byte[] encode(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rejection unreachable() {
        return Rejection.of(ErrorCode.NODE_UNREACHABLE, "The server node holding this session did not answer in "
                + "time. Try again in a few seconds: if that node is gone, the phone reconnects to another one.",
                Duration.ofSeconds(2));
    }
}
