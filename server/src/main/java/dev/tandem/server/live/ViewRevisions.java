package dev.tandem.server.live;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers the screen, diagnostics and logs views in the order they were taken. A view is built
 * on its session's loop and numbered there, so a higher number means a later state; the
 * console drops a view older than the one it shows (a REST answer overtaken by a socket event).
 * Seeded from the clock, so numbers keep growing across a server restart. Thread-safe.
 */
final class ViewRevisions {
    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() * 1000);

    private ViewRevisions() {
    }

    static long next() {
        return NEXT.incrementAndGet();
    }
}
