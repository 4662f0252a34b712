package dev.tandem.server.view;

import java.util.List;

/**
 * A session's recording as {@code GET /api/v1/sessions/{id}/recording} shows it (issue 18.6,
 * docs/recording.md): its parts (one per node that recorded), their sum, and whether anything is
 * missing ({@code complete} false when a part stopped early: the recorder fell behind, the storage
 * limit, a stopped node).
 */
public record RecordingView(String session, long bytes, String startedAt, String endedAt, boolean complete,
                            List<Part> parts) {

    /** One node's part; {@code incomplete}: why it stopped early ({@code behind}, {@code limit}, {@code failed}, {@code node-stopped}), else null. */
    public record Part(String id, String node, String startedAt, String endedAt, long bytes, String incomplete) {
    }
}
