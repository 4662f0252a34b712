package dev.tandem.device.cli;

/**
 * How {@code tandem device} ends: its exit code, and the one line for stderr when something went
 * wrong ({@code null} when the session simply ended).
 */
record Outcome(int exitCode, String problem) {

    static Outcome sessionEnded() {
        return new Outcome(0, null);
    }
}
