package dev.tandem.agent;

import java.time.Duration;

/**
 * Keeps track of how long the server has been silent (docs/protocol.md 1.5): after one heartbeat
 * period the device pings once, after three the connection is dead. Times are
 * {@link System#nanoTime()} values passed in, so the rule can be checked without waiting.
 * Confined to the session's thread.
 */
final class Heartbeat {
    /** What to do after a silence check. */
    enum Verdict { ALIVE, PING, DEAD }

    static final int MISSED_PERIODS = 3;

    private int periodSeconds;
    private long lastHeardNanos;
    private boolean pinged;

    Heartbeat(int periodSeconds) {
        this.periodSeconds = periodSeconds;
    }

    int periodSeconds() { return periodSeconds; }

    /** How often to check: twice per period, so that a dead peer is found at most half a period late. */
    Duration checkInterval() {
        return Duration.ofMillis(periodSeconds * 1000L / 2);
    }

    /** Adopts the server's period; true when it changed. Non-positive periods are ignored. */
    boolean adopt(int seconds) {
        if (seconds <= 0 || seconds == periodSeconds) {
            return false;
        }
        periodSeconds = seconds;
        return true;
    }

    /** Something arrived from the server (or a new connection starts). */
    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
        pinged = false;
    }

    Verdict check(long nowNanos) {
        long silent = nowNanos - lastHeardNanos;
        long period = Duration.ofSeconds(periodSeconds).toNanos();
        if (silent >= MISSED_PERIODS * period) {
            return Verdict.DEAD;
        }
        if (silent >= period && !pinged) {
            pinged = true;
            return Verdict.PING;
        }
        return Verdict.ALIVE;
    }

    /** The sentence given when the connection is declared dead. */
    String deadReason() {
        return "Nothing heard from the server for " + MISSED_PERIODS * periodSeconds + " seconds.";
    }
}
