package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.store.MessageKeyStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The technician's calls that act on a session's live state (send a message, ask for the screen,
 * diagnostics or logs, end the session, …). Only the node holding the phone's socket has that
 * state, so each is declared here once, as a command with a name, and one handler decides: run it
 * here, or forward it to the owner node ({@link OwnerForwarding}), which runs the same command for the
 * same technician and answers status and JSON body. The caller is authenticated where the call
 * arrives (token or cookie, CSRF, read-only scope); the owner loads the user again and the command
 * checks, as always, that they may act on the session. Without a cluster every command runs here,
 * exactly like a plain route.
 */
final class SessionCommands {
    private static final JsonNode NO_BODY = JsonNodeFactory.instance.objectNode();
    private final Authenticator auth;
    private final Bodies bodies;
    private final Map<String, Command> byName = new LinkedHashMap<>();
    private Optional<OwnerForwarding> forwarding = Optional.empty();

    SessionCommands(Authenticator auth, Bodies bodies) {
        this.auth = auth;
        this.bodies = bodies;
    }

    /** One call of a command: who, on which session, with which body, in which language, with which key. */
    record Call(User user, String sessionId, JsonNode body, String acceptLanguage, Optional<String> key) {
        /** The language answers are worded in (see {@link CallerLanguage}). */
        Language language() {
            return Language.fromAcceptLanguage(acceptLanguage);
        }
    }

    /** What a command answers: the HTTP status and the body, encoded as JSON. */
    record Answer(int status, Object body) {
    }

    /** The work of one command; it throws a {@link Rejection} to refuse, as a route does. */
    @FunctionalInterface
    interface Work {
        Answer run(Call call) throws Exception;
    }

    /** What the call carries besides the session: a JSON body, and an idempotency key. */
    enum Input { NOTHING, BODY, BODY_AND_KEY }

    record Command(String name, HandlerType method, String path, Input input, Work work) {
    }

    /** Declares a command on {@code path} (with the session as {@code {id}}); routes are added by {@link #register}. */
    void add(String name, HandlerType method, String path, Input input, Work work) {
        if (byName.putIfAbsent(name, new Command(name, method, path, input, work)) != null) {
            throw new IllegalStateException("Two session commands are named " + name);
        }
    }

    Optional<Command> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Collection<Command> all() {
        return byName.values();
    }

    /** In a cluster: commands for sessions another node owns go there. */
    void forwardWith(OwnerForwarding owners) {
        this.forwarding = Optional.of(owners);
    }

    void register(RoutesConfig routes) {
        for (Command command : byName.values()) {
            Handler handler = ctx -> handle(ctx, command);
            if (command.method().equals(HandlerType.GET)) {
                routes.get(command.path(), handler);
            } else if (command.method().equals(HandlerType.POST)) {
                routes.post(command.path(), handler);
            } else if (command.method().equals(HandlerType.DELETE)) {
                routes.delete(command.path(), handler);
            } else {
                throw new IllegalStateException("No session command uses " + command.method());
            }
        }
    }

    private void handle(Context ctx, Command command) throws Exception {
        User user = auth.require(ctx);
        String sessionId = ctx.pathParam("id");
        JsonNode body = command.input() == Input.NOTHING ? NO_BODY : bodies.object(ctx);
        Optional<String> key = command.input() == Input.BODY_AND_KEY ? idempotencyKey(ctx) : Optional.empty();
        Call call = new Call(user, sessionId, body, ctx.header("Accept-Language"), key);
        Optional<String> owner = forwarding.flatMap(f -> f.ownerElsewhere(sessionId));
        if (owner.isPresent()) {
            forwarding.get().forward(ctx, owner.get(), command, call);
            return;
        }
        Answer answer = command.work().run(call);
        ctx.status(answer.status()).json(answer.body());
    }

    /** The client's {@code Idempotency-Key}: printable ASCII, at most 200 characters. */
    static Optional<String> idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > MessageKeyStore.MAX_KEY_CHARS || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw Rejection.of(ErrorCode.BAD_INPUT, "The Idempotency-Key header must be 1 to "
                    + MessageKeyStore.MAX_KEY_CHARS + " printable characters without spaces (a UUID is a good key).");
        }
        return Optional.of(key);
    }
}
