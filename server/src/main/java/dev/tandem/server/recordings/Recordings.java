package dev.tandem.server.recordings;

import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.RecordingStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings of this node: starts a part for a session within the storage limit, keeps the
 * storage used (what every part holds, read from the database at every start, so the other nodes'
 * recordings count too), writes exports, deletes. The writers run on two daemon threads of their own,
 * never on a relay or session thread. Thread-safe.
 */
public final class Recordings implements SessionRecording.Space, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recordings.class);
    /** The bytes one part may have queued for its writer; past this it stops (docs/recording.md). */
    public static final long QUEUE_BOUND = 16L << 20;
    private final RecordingStore store;
    private final IntSupplier limitMegabytes;
    private final AuditLog audit;
    private final Clock clock;
    private final String node;
    private final long queueBound;
    private final AtomicLong used = new AtomicLong();
    /** The parts this node is writing, finished when the node stops. */
    private final java.util.Set<SessionRecording> active = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService writers;

    /** {@code limitMegabytes}: the storage limit in force (the settings' {@code recordings.limitMegabytes}). */
    public Recordings(RecordingStore store, IntSupplier limitMegabytes, AuditLog audit, Clock clock, String node) {
        this(store, limitMegabytes, audit, clock, node, QUEUE_BOUND);
    }

    /** {@code queueBound}: smaller in tests of the writer falling behind. */
    public Recordings(RecordingStore store, IntSupplier limitMegabytes, AuditLog audit, Clock clock, String node,
                      long queueBound) {
        this(store, limitMegabytes, audit, clock, node, queueBound, Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "tandem-recording");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** {@code writers}: the threads that store chunks (a test holds them up to see the recorder fall behind). */
    public Recordings(RecordingStore store, IntSupplier limitMegabytes, AuditLog audit, Clock clock, String node,
                      long queueBound, ScheduledExecutorService writers) {
        this.writers = writers;
        this.store = store;
        this.limitMegabytes = limitMegabytes;
        this.audit = audit;
        this.clock = clock;
        this.node = node;
        this.queueBound = queueBound;
        used.set(store.usedBytes());
        for (String left : store.unfinished(node)) {
            // This node stopped without ending these parts (a crash): what was stored stays, marked.
            store.finish(left, clock.instant(), "node-stopped");
        }
    }

    /** The outcome of {@link #begin}: the writer, or null with the reason nothing is recorded. */
    public record Start(SessionRecording recording, String refused) {
    }

    /**
     * Starts a part of {@code sessionId}'s recording on this node, or refuses when the storage limit is
     * reached ({@code refused = "limit"}); audited either way as the technician {@code by}.
     */
    public Start begin(String sessionId, String by) {
        long now = store.usedBytes();
        used.set(now);
        if (now >= limitBytes()) {
            audit.record(by, AuditAction.RECORDING_REFUSED, sessionId, Phrase.of("audit.recordingLimit"));
            return new Start(null, SessionRecording.LIMIT);
        }
        String id = Secrets.id("rec");
        store.create(id, sessionId, node, clock.instant());
        audit.record(by, AuditAction.RECORDING_STARTED, sessionId, Phrase.of("audit.recordingStarted"));
        LOG.info("Session {}: recording {} started", sessionId, id);
        SessionRecording recording = new SessionRecording(id, sessionId, store, writers, clock, queueBound, this);
        active.add(recording);
        return new Start(recording, null);
    }

    /** Ends a part and audits it. */
    public void end(SessionRecording recording, String sessionId, String by) {
        active.remove(recording);
        recording.finish();
        audit.record(by, AuditAction.RECORDING_STOPPED, sessionId, Phrase.of(recording.dropped() == null
                ? "audit.recordingStopped" : "audit.recordingIncomplete", "reason", String.valueOf(recording.dropped())));
    }

    @Override
    public boolean take(long bytes) {
        long limit = limitBytes();
        long after = used.addAndGet(bytes);
        if (bytes > 0 && after > limit) {
            used.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** The storage limit in force (settings: {@code recordings.limitMegabytes}). */
    public long limitBytes() {
        return limitMegabytes.getAsInt() * 1024L * 1024L;
    }

    /** What every recording holds now. */
    public long usedBytes() {
        long now = store.usedBytes();
        used.set(now);
        return now;
    }

    public List<RecordingStore.Part> parts(String sessionId) {
        return store.parts(sessionId);
    }

    /** Writes {@code sessionId}'s recording in the format of docs/recording.md, with {@code headerJson}. */
    public void export(String sessionId, String headerJson, OutputStream out) throws IOException {
        RecordingFile.writeHeader(out, headerJson);
        try {
            for (RecordingStore.Part part : store.parts(sessionId)) {
                store.chunks(part.id(), chunk -> {
                    try {
                        out.write(chunk);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** Deletes a session's recording; returns how many parts went. */
    public int delete(String sessionId) {
        int parts = store.delete(sessionId);
        used.set(store.usedBytes());
        return parts;
    }

    /** Waits a little for the writers to store what is queued (the parts were finished before). */
    @Override
    public void close() {
        for (SessionRecording recording : active) {
            recording.finish(); // the session goes on after a restart, in a new part
        }
        active.clear();
        writers.shutdown();
        try {
            if (!writers.awaitTermination(5, TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writers.shutdownNow();
        }
    }
}
