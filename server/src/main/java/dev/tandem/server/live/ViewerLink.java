package dev.tandem.server.live;

import dev.tandem.server.domain.User;
import dev.tandem.server.events.Outlet;

/**
 * One technician's viewer on a session's screen: its outlet, its stream id on the phone, and the
 * filter that frames what it sends. Thread-safe (the filter is used by the viewer's socket only).
 */
public final class ViewerLink {
    final long stream;
    final User user;
    final Outlet sender;
    final LiveSession session;
    final RfbClientFilter filter = new RfbClientFilter();

    ViewerLink(long stream, User user, Outlet sender, LiveSession session) {
        this.stream = stream;
        this.user = user;
        this.sender = sender;
        this.session = session;
    }

    /** The stream id the phone knows this viewer by. */
    public long stream() {
        return stream;
    }

    public void close(int code, String reason) {
        sender.close(code, reason);
    }
}
