package dev.tandem.agent.rfb.session;

import dev.tandem.agent.screen.ScreenSize;

/**
 * An ExtendedDesktopSize rectangle one viewer is owed (the RFB community extension, pseudo-encoding
 * -308): the announcement that this server takes SetDesktopSize (sent once the viewer names the
 * extension; noVNC only asks for a size after it), or the answer to a SetDesktopSize. An accepted
 * request is answered with the first update whose frame has the new size, so the viewer learns the
 * size together with the pixels; if the phone has not produced that size by the deadline the answer
 * is "out of resources". Immutable.
 */
final class SizeNotice {
    /** x-position of the rectangle: why the size is what it is. */
    static final int REASON_SERVER = 0;
    static final int REASON_THIS_VIEWER = 1;
    /** y-position: the answer to the viewer's request. */
    static final int STATUS_OK = 0;
    static final int STATUS_PROHIBITED = 1;
    static final int STATUS_OUT_OF_RESOURCES = 2;
    static final int STATUS_INVALID_LAYOUT = 3;

    private final int reason;
    private final int status;
    private final ScreenSize target;
    private final long deadlineNanos;

    private SizeNotice(int reason, int status, ScreenSize target, long deadlineNanos) {
        this.reason = reason;
        this.status = status;
        this.target = target;
        this.deadlineNanos = deadlineNanos;
    }

    static SizeNotice announcement() {
        return new SizeNotice(REASON_SERVER, STATUS_OK, null, 0);
    }

    static SizeNotice refused(int status) {
        return new SizeNotice(REASON_THIS_VIEWER, status, null, 0);
    }

    /** The request was taken; the answer waits for a frame of {@code target} size until the deadline. */
    static SizeNotice accepted(ScreenSize target, long deadlineNanos) {
        return new SizeNotice(REASON_THIS_VIEWER, STATUS_OK, target, deadlineNanos);
    }

    int reason() {
        return reason;
    }

    int status() {
        return status;
    }

    /** True when this is the successful answer to the viewer's own request. */
    boolean grantsResize() {
        return reason == REASON_THIS_VIEWER && status == STATUS_OK;
    }

    /**
     * What to send with a frame of {@code frame} size now: this notice, a late "out of resources", or
     * null when it must wait for the new size.
     */
    SizeNotice readyFor(ScreenSize frame, long nowNanos) {
        if (target == null || target.equals(frame)) {
            return this;
        }
        return nowNanos - deadlineNanos >= 0 ? refused(STATUS_OUT_OF_RESOURCES) : null;
    }
}
