package dev.tandem.server.live;

import dev.tandem.server.domain.User;

/**
 * One technician's viewer on a session's screen: its socket, its stream id on the phone, and the
 * filter that frames what it sends. Thread-safe (the filter is used by the viewer's socket only).
 */
public final class ViewerLink {
    final long stream;
    final User user;
    final SocketSender sender;
    final LiveSession session;
    final RfbClientFilter filter = new RfbClientFilter();

    ViewerLink(long stream, User user, SocketSender sender, LiveSession session) {
        this.stream = stream;
        this.user = user;
        this.sender = sender;
        this.session = session;
    }

    void close(int code, String reason) {
        sender.close(code, reason);
    }
}
