package dev.tandem.android.testing;

import dev.tandem.agent.testing.WriteDemandWatch;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.protocol.message.WireCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The technician's side of the wire protocol on a real local WebSocket: it welcomes the phone (or
 * refuses it with a close code), records what the phone sends, and sends what a test tells it to.
 */
public final class ScriptedServer extends WebSocketServer implements AutoCloseable {
    private final WireCodec codec = WireCodec.create();
    private final BlockingQueue<AgentMessage> received = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final WriteDemandWatch writes = WriteDemandWatch.on(this);
    private final int refuseWith;
    private final boolean holdWelcome;
    private volatile WebSocket phone;

    private ScriptedServer(int refuseWith, boolean holdWelcome) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.refuseWith = refuseWith;
        this.holdWelcome = holdWelcome;
        setReuseAddr(true);
        setDaemon(true);
    }

    /** A server that welcomes the phone into session {@code s1} with technician Bob. */
    public static ScriptedServer welcoming() throws InterruptedException {
        return start(new ScriptedServer(0, false));
    }

    /** A server that lets the phone wait for its welcome until {@link #welcome()} (a slow network). */
    public static ScriptedServer slowToWelcome() throws InterruptedException {
        return start(new ScriptedServer(0, true));
    }

    /** A server that refuses the phone's hello with {@code closeCode} and {@code reason}. */
    public static ScriptedServer refusing(int closeCode) throws InterruptedException {
        return start(new ScriptedServer(closeCode, false));
    }

    private static ScriptedServer start(ScriptedServer server) throws InterruptedException {
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the scripted server did not start");
        }
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + getPort();
    }

    public void send(ServerMessage message) {
        phone.send(codec.encode(message));
    }

    /** The next message of {@code type} the phone sends (others are skipped), waiting up to 10 s. */
    public <T extends AgentMessage> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            AgentMessage message = received.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(message)) {
                return type.cast(message);
            }
        }
        throw new AssertionError("the phone sent no " + type.getSimpleName() + " within 10 s");
    }

    /** Fails if the phone sends a message of {@code type} within {@code millis} (others are skipped). */
    public void expectNone(Class<? extends AgentMessage> type, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            AgentMessage message = received.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(message)) {
                throw new AssertionError("the phone sent " + type.getSimpleName() + " when it should not have");
            }
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        phone = conn;
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        try {
            AgentMessage message = codec.decodeAgent(text);
            received.add(message);
            if (message instanceof AgentMessage.Hello) {
                if (refuseWith != 0) {
                    conn.close(refuseWith, "That code does not exist. Check the nine digits.");
                } else if (!holdWelcome) {
                    welcome(conn);
                }
            } else if (message instanceof AgentMessage.Leave) {
                conn.send(codec.encode(new ServerMessage.End("customer", null)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the phone sent something the codec rejects: " + text, e);
        }
    }

    /** Welcomes the phone that is waiting (see {@link #slowToWelcome()}). */
    public void welcome() {
        welcome(phone);
    }

    private void welcome(WebSocket conn) {
        conn.send(codec.encode(new ServerMessage.Welcome(dev.tandem.protocol.Limits.PROTOCOL_VERSION, "s1",
                "resume-token", "Bob", "default", "en", 30, 0)));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        writes.close();
        stop(1000);
    }
}
