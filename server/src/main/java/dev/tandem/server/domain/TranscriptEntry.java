package dev.tandem.server.domain;

import dev.tandem.server.i18n.Phrase;
import java.time.Instant;

/**
 * One line of a session's transcript. {@code seq} orders the whole transcript. A system line
 * carries its {@code event}, the phrase it is worded from for each reader; {@code text} is its
 * English wording (what readers without the catalogue get). People's messages have no event.
 */
public record TranscriptEntry(String sessionId, long seq, Sender sender, String name, String text, Instant at,
                              Phrase event) {

    /** A line somebody wrote (or a system line from before phrases). */
    public TranscriptEntry(String sessionId, long seq, Sender sender, String name, String text, Instant at) {
        this(sessionId, seq, sender, name, text, at, null);
    }
}
