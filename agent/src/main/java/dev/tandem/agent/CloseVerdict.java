package dev.tandem.agent;

import dev.tandem.agent.transport.ConnectionListener;
import dev.tandem.protocol.TandemStatus;

/** What a device does when its connection closes (docs/protocol.md 1.7 and 3). */
enum CloseVerdict {
    /** Come back with the resume ticket after a back-off. */
    RETRY,
    /** The server said no for good with a {@link TandemStatus}: stop. */
    REFUSED,
    /** Something outside the protocol failed for good (unreachable server, TLS, not a Tandem server): stop. */
    FAILED;

    /**
     * @param code       the close code, or {@link ConnectionListener#NEVER_CONNECTED}
     * @param hasSession true once there is a session to go back to (a resume ticket); before that,
     *                   network trouble is reported instead of retried, so that a customer whose
     *                   server is unreachable hears it at once
     */
    static CloseVerdict of(int code, boolean hasSession) {
        TandemStatus status = TandemStatus.fromCloseCode(code);
        if (status != null) {
            return status.isFinal() ? REFUSED : RETRY;
        }
        if (!hasSession) {
            return FAILED;
        }
        switch (code) {
            case ConnectionListener.NEVER_CONNECTED:
            case 1000: // normal close without an "end" first: the resume will tell whether it is over
            case 1001: // going away: server restart or proxy reload
            case 1005: // no status
            case 1006: // broken without a close frame
            case 1011: // server error
            case 1012: // service restart
            case 1013: // try again later
            case 1014: // bad gateway
                return RETRY;
            default:   // 1002, 1003, 1007, 1008, 1009, 1010, 1015 (TLS): retrying cannot help
                return FAILED;
        }
    }
}
