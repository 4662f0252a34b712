package dev.tandem.server.bus;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connection to NATS (core NATS, no JetStream). It reconnects by itself for as long as
 * the node runs; while it is away, what is published waits in the client's buffer and commands for
 * other nodes fail at once (the caller answers 503). Messages this node publishes are never
 * delivered back to it ({@code noEcho}): its own consoles already got them. Thread-safe.
 */
public final class Bus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bus.class);
    /** Commands run at once per node; the others wait in a short queue, then are refused as busy. */
    private static final int COMMAND_THREADS = 16;
    private static final int COMMAND_QUEUE = 256;
    private final Connection connection;
    private final String nodeId;
    /** Broadcasts: each handler only queues frames to sockets, so one thread keeps them in order. */
    private final Dispatcher broadcasts;
    /** Commands: received in order, run on {@link #commandPool} so a slow one never holds the events. */
    private final Dispatcher commands;
    private final ThreadPoolExecutor commandPool;
    private final Logged log;

    private Bus(Connection connection, String nodeId, Logged log) {
        this.connection = connection;
        this.log = log;
        this.nodeId = nodeId;
        this.broadcasts = connection.createDispatcher();
        this.commands = connection.createDispatcher();
        AtomicInteger threads = new AtomicInteger();
        this.commandPool = new ThreadPoolExecutor(COMMAND_THREADS, COMMAND_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(COMMAND_QUEUE), r -> {
                    Thread thread = new Thread(r, "tandem-bus-command-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        commandPool.allowCoreThreadTimeOut(true);
    }

    /**
     * Connects node {@code nodeId} to the NATS at {@code url} ({@code nats://host:port}, several
     * separated by commas). Throws {@link BusUnavailableException} with one line for the operator
     * when no server answers within a few seconds: a node that cannot reach the bus must not start.
     */
    public static Bus connect(String url, String nodeId) {
        Subjects.token(nodeId);
        Logged log = new Logged();
        Options options = new Options.Builder()
                .servers(url.split(","))
                .connectionName("tandem-" + nodeId)
                .connectionTimeout(Duration.ofSeconds(3))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .pingInterval(Duration.ofSeconds(10))
                .noEcho()
                .connectionListener(log)
                .errorListener(new ErrorListener() {
                })
                .build();
        try {
            Connection connection = Nats.connect(options);
            LOG.info("Node {} is on the bus at {}", nodeId, connection.getConnectedUrl());
            return new Bus(connection, nodeId, log);
        } catch (IOException | RuntimeException e) {
            throw new BusUnavailableException("Cannot reach NATS at " + url + ": check --nats-url and that "
                    + "nats-server runs there.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusUnavailableException("Interrupted while connecting to NATS at " + url + ".", e);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    /**
     * Sends to every other node listening on {@code subject}. Never throws: a message the client
     * cannot even buffer (NATS away for long) is dropped with a warning; consoles read the current
     * state again when they reconnect, and PostgreSQL has everything that matters.
     */
    public void publish(String subject, Headers headers, byte[] body) {
        try {
            connection.publish(subject, headers, body);
        } catch (RuntimeException e) {
            LOG.warn("A message on {} is dropped: the bus is away ({})", subject, e.getMessage());
        }
    }

    /**
     * Hears every message on {@code subject} from the other nodes, in order, on the bus's thread,
     * from when this returns (the server has the subscription by then).
     */
    public void listen(String subject, Consumer<Message> handler) {
        broadcasts.subscribe(subject, message -> {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                LOG.error("A message on {} could not be handled", subject, e);
            }
        });
        subscribed(subject);
    }

    /**
     * Answers the requests on {@code subject}: {@code handler} runs on the command pool and its reply
     * goes back to the asker; when the pool is full the asker gets {@code busy}'s reply at once.
     */
    public void serve(String subject, Function<Message, Reply> handler, Function<Message, Reply> busy) {
        commands.subscribe(subject, request -> {
            try {
                commandPool.execute(() -> answer(request, handler));
            } catch (RejectedExecutionException full) {
                answer(request, busy);
            }
        });
        subscribed(subject);
    }

    /**
     * Waits until the NATS server has the subscription: a subscription travels asynchronously, and a
     * node must not take calls or publish before the others hear it.
     */
    private void subscribed(String subject) {
        try {
            connection.flush(Duration.ofSeconds(3));
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("The bus did not confirm the subscription to {} within 3 s; it is in place once the bus answers", subject);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks whoever serves {@code subject}; the future fails when no one does (the node is gone: NATS
     * says so at once) or no answer comes within {@code patience}.
     */
    public CompletableFuture<Message> ask(String subject, Headers headers, byte[] body, Duration patience) {
        try {
            return connection.requestWithTimeout(subject, headers, body, patience);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** True while the connection is up (a reconnect is under way otherwise). */
    public boolean connected() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    private void answer(Message request, Function<Message, Reply> handler) {
        Reply reply;
        try {
            reply = handler.apply(request);
        } catch (RuntimeException e) {
            LOG.error("A command on {} failed without an answer", request.getSubject(), e);
            return;
        }
        if (request.getReplyTo() != null) {
            publish(request.getReplyTo(), reply.headers(), reply.body());
        }
    }

    /** An answer to a request: its headers and body. */
    public record Reply(Headers headers, byte[] body) {
    }

    @Override
    public void close() {
        log.closing = true;
        commandPool.shutdown();
        try {
            // Commands under way still answer: their askers would otherwise wait for their patience to end.
            commandPool.awaitTermination(2, TimeUnit.SECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** NATS cannot be reached at start; the message is one line for the operator. */
    public static final class BusUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BusUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Says in the log when the bus goes away and comes back. */
    private static final class Logged implements ConnectionListener {
        /** Set before the node closes its connection: closing is not the bus going away. */
        volatile boolean closing;

        @Override
        public void connectionEvent(Connection connection, Events type) {
            if (closing) {
                return;
            }
            switch (type) {
                case DISCONNECTED -> LOG.warn("The bus is away; reconnecting (commands for other nodes answer 503 meanwhile)");
                case RECONNECTED -> LOG.info("The bus is back at {}", connection.getConnectedUrl());
                default -> LOG.debug("Bus: {}", type);
            }
        }
    }
}
