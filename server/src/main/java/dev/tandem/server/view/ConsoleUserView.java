package dev.tandem.server.view;

/** Who a console is signed in as, in the {@code hello} frame that greets it (docs/protocol.md section 2). */
public record ConsoleUserView(String username, String displayName, String role) {
}
