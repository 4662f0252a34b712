package dev.tandem.server.recordings;

import dev.tandem.server.store.RecordingStore;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of one part of a session's recording. The relay hands it the phone's frames on the
 * socket's thread ({@link #screen}): the frame's pooled buffer is lent, not copied, and queued; a
 * writer thread copies it into the current chunk and gives it back, so the relay neither copies nor
 * waits. The queue is bounded in bytes: when the writer falls behind (the database is slow, the
 * screen is very busy) this part stops recording and is marked incomplete, and the live stream goes
 * on untouched. Chunks are stored at about {@link #CHUNK_BYTES} or a second after the last record.
 *
 * <p>Thread-safe: any thread queues (records keep the order in which they were queued, and their times
 * never go back); the writer's side runs one task at a time under {@code writing}.
 */
public final class SessionRecording {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecording.class);
    static final int CHUNK_BYTES = 512 * 1024;
    static final long FLUSH_AFTER_MILLIS = 1000;
    /** Why a part is incomplete (the {@code incomplete} of the recording's view). */
    public static final String BEHIND = "behind";
    public static final String LIMIT = "limit";
    public static final String FAILED = "failed";

    private final String id;
    private final String sessionId;
    private final RecordingStore store;
    private final ScheduledExecutorService writer;
    private final Clock clock;
    private final long bound;
    private final Space space;

    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long lastAt;
    private boolean draining;
    private volatile String dropped;
    private boolean finished;

    private final Object writing = new Object();
    private byte[] chunk = new byte[CHUNK_BYTES + 64 * 1024];
    private int chunkLength;
    private int seq;
    private boolean flushScheduled;
    private boolean stored;

    /** The storage the recordings may still use; {@link Recordings} keeps it. */
    interface Space {
        /** Takes {@code bytes} of the limit; false (nothing taken) when they do not fit. */
        boolean take(long bytes);
    }

    SessionRecording(String id, String sessionId, RecordingStore store, ScheduledExecutorService writer, Clock clock,
                     long bound, Space space) {
        this.id = id;
        this.sessionId = sessionId;
        this.store = store;
        this.writer = writer;
        this.clock = clock;
        this.bound = bound;
        this.space = space;
    }

    public String id() {
        return id;
    }

    /** Null while recording; else why it stopped ({@link #BEHIND}, {@link #LIMIT}, {@link #FAILED}). */
    public String dropped() {
        return dropped;
    }

    // ---- what is recorded (any thread) -------------------------------------------------------

    /**
     * Bytes the phone sent to viewer {@code stream}, lent with {@code done}. Returns what the relay
     * runs instead of {@code done} once the viewer sent them: {@code done} then runs after both the
     * viewer and this recording are through with the buffer. When this recording stopped, the same
     * {@code done} comes back and nothing is kept.
     */
    public Runnable screen(long stream, ByteBuffer payload, Runnable done) {
        if (dropped != null) {
            return done;
        }
        Both both = new Both(done);
        if (!offer(RecordingFile.SCREEN, stream, payload.duplicate(), both)) {
            return done;
        }
        return both;
    }

    /** Input of viewer {@code stream} that went to the phone (after the control filter). */
    public void input(long stream, byte[] bytes) {
        offer(RecordingFile.INPUT, stream, ByteBuffer.wrap(bytes), null);
    }

    public void opened(long stream) {
        offer(RecordingFile.OPENED, stream, ByteBuffer.allocate(0), null);
    }

    public void closed(long stream) {
        offer(RecordingFile.CLOSED, stream, ByteBuffer.allocate(0), null);
    }

    /** This part ends (the session ended or moved to another node): what is queued is written, then the end. */
    public void finish() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
        }
        writer.execute(() -> {
            synchronized (writing) {
                drainQueue();
                flush();
                try {
                    store.finish(id, clock.instant(), dropped);
                } catch (RuntimeException e) {
                    LOG.warn("Session {}: the end of recording {} could not be stored: {}", sessionId, id, e.toString());
                }
            }
        });
    }

    private boolean offer(int kind, long stream, ByteBuffer bytes, Both lent) {
        int length = bytes.remaining();
        boolean schedule = false;
        List<Pending> released = null;
        synchronized (lock) {
            if (dropped != null || finished) {
                return false;
            }
            if (queuedBytes + length > bound) {
                released = dropLocked(BEHIND);
            } else {
                lastAt = Math.max(lastAt, clock.millis());
                queue.add(new Pending(kind, stream, lastAt, bytes, lent));
                queuedBytes += length;
                if (!draining) {
                    draining = true;
                    schedule = true;
                }
            }
        }
        if (released != null) {
            release(released);
            LOG.warn("Session {}: the recording fell behind the screen and stopped; the screen goes on", sessionId);
            writer.execute(this::markDropped);
            return false;
        }
        if (schedule) {
            writer.execute(this::drain);
        }
        return true;
    }

    private List<Pending> dropLocked(String why) {
        dropped = why;
        List<Pending> all = new ArrayList<>(queue);
        queue.clear();
        queuedBytes = 0;
        return all;
    }

    private static void release(List<Pending> pending) {
        for (Pending p : pending) {
            p.release();
        }
    }

    // ---- the writer's side -------------------------------------------------------------------

    private void drain() {
        synchronized (writing) {
            drainQueue();
            if (chunkLength > 0 && !flushScheduled) {
                flushScheduled = true;
                writer.schedule(this::flushLater, FLUSH_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flushLater() {
        synchronized (writing) {
            flushScheduled = false;
            flush();
        }
    }

    /** Moves every queued record into chunks; runs under {@code writing}. */
    private void drainQueue() {
        while (true) {
            Pending next;
            synchronized (lock) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
                queuedBytes -= next.bytes.remaining();
            }
            try {
                if (dropped == null) {
                    append(next);
                }
            } finally {
                next.release();
            }
            if (chunkLength >= CHUNK_BYTES) {
                flush();
            }
        }
    }

    private void append(Pending record) {
        int length = record.bytes.remaining();
        int needed = chunkLength + RecordingFile.HEAD + length;
        if (needed > chunk.length) {
            chunk = java.util.Arrays.copyOf(chunk, Math.max(needed, chunk.length * 2));
        }
        RecordingFile.writeHead(chunk, chunkLength, record.kind, record.stream, record.at, length);
        record.bytes.duplicate().get(chunk, chunkLength + RecordingFile.HEAD, length);
        chunkLength = needed;
    }

    /** Stores the current chunk, within the storage limit; runs under {@code writing}. */
    private void flush() {
        if (chunkLength == 0) {
            return; // after a drop too, the records already in the chunk are whole and in order: they are kept
        }
        if (!space.take(chunkLength)) {
            stop(LIMIT);
            LOG.warn("Session {}: recordings reached their storage limit; this recording stopped", sessionId);
            return;
        }
        try {
            store.append(id, seq++, chunk, chunkLength);
            stored = true;
        } catch (RuntimeException e) {
            LOG.warn("Session {}: a chunk of recording {} could not be stored: {}", sessionId, id, e.toString());
            space.take(-chunkLength);
            stop(FAILED);
            return;
        }
        chunkLength = 0;
        if (chunk.length > CHUNK_BYTES * 4) {
            chunk = new byte[CHUNK_BYTES + 64 * 1024]; // a huge frame grew it once; do not keep that forever
        }
    }

    private void stop(String why) {
        List<Pending> released;
        synchronized (lock) {
            released = dropped == null ? dropLocked(why) : List.of();
        }
        release(released);
        chunkLength = 0;
        markDropped();
    }

    private void markDropped() {
        try {
            store.markIncomplete(id, dropped);
        } catch (RuntimeException e) {
            LOG.warn("Session {}: recording {} could not be marked incomplete: {}", sessionId, id, e.toString());
        }
    }

    /** Whether at least one chunk was stored (for tests and the log). */
    boolean storedAny() {
        synchronized (writing) {
            return stored;
        }
    }

    /** One queued record; {@code lent} is the relay's buffer to give back once copied. */
    private record Pending(int kind, long stream, long at, ByteBuffer bytes, Both lent) {
        void release() {
            if (lent != null) {
                lent.run();
            }
        }
    }

    /** Runs {@code done} on the second call: once the viewer and once the recording are through with a buffer. */
    private static final class Both extends AtomicInteger implements Runnable {
        private final Runnable done;

        Both(Runnable done) {
            super(2);
            this.done = done;
        }

        @Override
        public void run() {
            if (decrementAndGet() == 0) {
                done.run();
            }
        }
    }
}
