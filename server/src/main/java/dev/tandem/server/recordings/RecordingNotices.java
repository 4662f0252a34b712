package dev.tandem.server.recordings;

import dev.tandem.server.i18n.Phrase;

/**
 * What the customer and the transcript are told about a recording (issue 18.6), as phrases of the
 * catalogue ({@code prompt.*Recorded}, {@code event.recording*} in the console's en.ts / es.ts),
 * worded for each reader in their language.
 */
public final class RecordingNotices {
    private RecordingNotices() {
    }

    /**
     * The screen question on the phone when the portal records: it says so before anything is shared,
     * and is asked also where the portal otherwise shares without asking.
     */
    public static Phrase screenQuestion(String technician) {
        return Phrase.of("prompt.screenRecorded", "technician", technician);
    }

    /** The transcript's line when a recording starts. */
    public static Phrase started() {
        return Phrase.of("event.recordingStarted");
    }
}
