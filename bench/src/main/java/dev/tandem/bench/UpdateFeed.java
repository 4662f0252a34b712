package dev.tandem.bench;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a viewer's FramebufferUpdates on a thread of its own and hands them over with the time their
 * first byte arrived, so that the benchmark can send input meanwhile. In continuous mode it asks for
 * the next incremental update as soon as one has been read, as a live viewer does (unless the phone
 * pushes updates by itself: RFB continuous updates). Thread-safe.
 */
final class UpdateFeed implements AutoCloseable {
    private final RfbViewer viewer;
    private final boolean continuous;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile IOException failure;

    /** One update and {@link System#nanoTime()} when its first byte was read. */
    record Arrival(long nanos, RfbViewer.Update update) {
    }

    private UpdateFeed(RfbViewer viewer, boolean continuous) {
        this.viewer = viewer;
        this.continuous = continuous;
        this.reader = new Thread(this::read, "bench-viewer-updates");
        reader.setDaemon(true);
    }

    /** Starts reading; in {@code continuous} mode every update is followed by an incremental request. */
    static UpdateFeed start(RfbViewer viewer, boolean continuous) {
        UpdateFeed feed = new UpdateFeed(viewer, continuous);
        feed.reader.start();
        return feed;
    }

    /** The next update, or null when none arrives within {@code millis}. */
    Arrival next(long millis) throws IOException, InterruptedException {
        Arrival arrival = arrivals.poll(millis, TimeUnit.MILLISECONDS);
        if (arrival == null && failure != null) {
            throw failure;
        }
        return arrival;
    }

    /** Drops what has arrived; returns how many updates that was. */
    int drain() {
        return arrivals.drainTo(new java.util.ArrayList<>());
    }

    private void read() {
        long[] first = new long[1];
        try {
            while (!Thread.currentThread().isInterrupted()) {
                RfbViewer.Update update = viewer.readUpdate(() -> first[0] = System.nanoTime());
                if (continuous && !viewer.continuous()) {
                    viewer.requestUpdate(true);
                }
                arrivals.add(new Arrival(first[0], update));
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
