package dev.tandem.server.testing;

import dev.tandem.agent.SessionListener;
import dev.tandem.protocol.message.ServerMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the real agent ({@code AgentSession}) tells its phone: the welcome, resumes, chat lines, the end. */
public final class AgentPhone implements SessionListener {
    public final List<ServerMessage.Chat> seen = new CopyOnWriteArrayList<>();
    public final CompletableFuture<String> joined = new CompletableFuture<>();
    public final CompletableFuture<Void> resumed = new CompletableFuture<>();
    public final CompletableFuture<String> ended = new CompletableFuture<>();

    @Override
    public void joined(ServerMessage.Welcome welcome) {
        joined.complete(welcome.session);
    }

    @Override
    public void resumed(ServerMessage.Welcome welcome) {
        resumed.complete(null);
    }

    @Override
    public void chat(ServerMessage.Chat entry) {
        seen.add(entry);
    }

    @Override
    public void ended(String by, String reason) {
        ended.complete(by);
    }

    public boolean saw(String text) {
        return seen.stream().anyMatch(c -> c.text.equals(text));
    }

    /** Waits until {@code condition} holds; fails after {@code seconds}. */
    public static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
