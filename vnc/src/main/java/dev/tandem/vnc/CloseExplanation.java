package dev.tandem.vnc;

import dev.tandem.protocol.TandemStatus;

/**
 * Why the server closed a viewer socket, in one line for the technician at the VNC viewer: what
 * happened and what to do next. The meaning of each close code comes from {@link TandemStatus}; the
 * advice here is what a {@code tandem vnc} user can do about it.
 */
final class CloseExplanation {
    static final int NORMAL = 1000;
    static final int GOING_AWAY = 1001;
    static final int POLICY = 1008;
    /** The server's {@code session_elsewhere}: the socket reached a node of a cluster that does not hold the phone. */
    static final int ELSEWHERE = 4409;

    private CloseExplanation() {
    }

    /** One line for a close with {@code code} and the server's {@code reason} (may be empty). */
    static String of(int code, String reason) {
        String said = reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
        TandemStatus status = TandemStatus.fromCloseCode(code);
        if (status != null) {
            return switch (status) {
                case SCREEN_UNAVAILABLE -> "this phone cannot share its screen" + said
                        + " [4030]: help the customer by chat instead";
                case SCREEN_NOT_SHARED -> "the screen is not shared [4031]: ask the customer from the console"
                        + " or run with --request";
                case SCREEN_STOPPED -> "the customer stopped sharing [4032]: ask again from the console or run"
                        + " with --request, then reconnect the viewer";
                case DEVICE_OFFLINE -> "the customer's phone is offline, it is reconnecting [4033]: reconnect the"
                        + " viewer in a moment";
                case SESSION_ENDED -> "the session has ended [4013]: start a new session with a new code";
                case MALFORMED -> "the server refused what the viewer sent" + said
                        + " [4000]: use a standard VNC viewer";
                default -> status.message() + said + " [" + code + "]";
            };
        }
        return switch (code) {
            case NORMAL -> "the screen is no longer viewed" + said + " [1000]: ask for the screen again from the"
                    + " console or run with --request, then reconnect the viewer";
            case GOING_AWAY -> "the server is shutting down" + said + " [1001]: reconnect when it is back";
            case POLICY -> "the server refused the viewer" + said + " [1008]: check the token and that the"
                    + " session is yours";
            case ELSEWHERE -> "the phone is connected to another node of the server" + said + " [4409]: reconnect"
                    + " the viewer; the bridge asks for the node that holds it now";
            default -> "the connection to the server was lost" + said + " [" + code + "]: check that the server"
                    + " is reachable, then reconnect the viewer";
        };
    }
}
