package dev.tandem.server.view;

import java.util.List;

/**
 * Who works on a session (issue 18.2): its owner, the technicians helping, and who holds control of
 * the phone ({@code controlHolder}: a username, the owner's unless it was passed).
 */
public record TeamView(String session, Member owner, List<Member> helpers, String controlHolder) {

    /** One technician on the session. */
    public record Member(String username, String displayName) {
    }
}
