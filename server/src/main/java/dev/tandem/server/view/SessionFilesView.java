package dev.tandem.server.view;

import java.util.List;

/** The files of a session, oldest first ({@code GET /api/v1/sessions/{id}/files}, the console's {@code files} event). */
public record SessionFilesView(String session, List<SessionFileView> files) {
}
