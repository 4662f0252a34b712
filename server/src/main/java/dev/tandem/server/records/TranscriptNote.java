package dev.tandem.server.records;

import dev.tandem.server.i18n.Phrase;

/**
 * Adds a system line to a session's transcript while it is live (the live sessions implement it;
 * an ended session's transcript is not written to). Lets a record keeper below the live sessions
 * say what it did, such as mailing log files.
 */
@FunctionalInterface
public interface TranscriptNote {
    void add(String sessionId, Phrase line);
}
