package dev.tandem.server.view;

import dev.tandem.server.domain.SessionNote;

/**
 * A private session note as {@code /api/v1/sessions/{id}/notes}, the {@code note} console event and
 * the session's history show it. Never part of anything a customer receives.
 */
public record SessionNoteView(long id, String author, String authorName, String text, String at) {

    public static SessionNoteView of(SessionNote note) {
        return new SessionNoteView(note.id(), note.author(), note.authorName(), note.text(), Views.iso(note.at()));
    }
}
