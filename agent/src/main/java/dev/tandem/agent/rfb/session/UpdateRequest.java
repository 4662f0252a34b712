package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.Rect;

/**
 * A FramebufferUpdateRequest not answered yet (RFC 6143 7.5.3): the area of interest and whether the
 * viewer only wants what changed. Immutable; a second request before the answer is {@link #merge}d in.
 */
final class UpdateRequest {
    private final Rect area;
    private final boolean incremental;

    private UpdateRequest(Rect area, boolean incremental) {
        this.area = area;
        this.incremental = incremental;
    }

    static UpdateRequest of(Rect area, boolean incremental) {
        return new UpdateRequest(area, incremental);
    }

    Rect area() {
        return area;
    }

    boolean incremental() {
        return incremental;
    }

    /** One request covering both: the bounding area, full when either asked for full. */
    UpdateRequest merge(UpdateRequest later) {
        int x = Math.min(area.x(), later.area.x());
        int y = Math.min(area.y(), later.area.y());
        int right = Math.max(area.right(), later.area.right());
        int bottom = Math.max(area.bottom(), later.area.bottom());
        return new UpdateRequest(Rect.of(x, y, right - x, bottom - y), incremental && later.incremental);
    }

    @Override
    public String toString() {
        return (incremental ? "incremental " : "full ") + area;
    }
}
