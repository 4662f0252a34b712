package dev.tandem.android.session;

import android.content.Context;
import android.content.SharedPreferences;
import dev.tandem.agent.ResumeTicket;
import java.util.Optional;

/**
 * The session the app is in, kept in the app's private storage so that it survives the app's process
 * being killed (Android does that to background apps): the server, the resume ticket from the
 * server's welcome, the customer's name, and whether it is a chat-only request. Cleared when the
 * session is over. Thread-safe (SharedPreferences).
 */
final class SavedSession {
    private static final String FILE = "session";

    final String server;
    final ResumeTicket ticket;
    final String customerName;
    final boolean chatOnly;

    SavedSession(String server, ResumeTicket ticket, String customerName, boolean chatOnly) {
        this.server = server;
        this.ticket = ticket;
        this.customerName = customerName;
        this.chatOnly = chatOnly;
    }

    static Optional<SavedSession> load(Context context) {
        SharedPreferences saved = context.getSharedPreferences(FILE, Context.MODE_PRIVATE);
        String server = saved.getString("server", null);
        String session = saved.getString("session", null);
        String token = saved.getString("token", null);
        String name = saved.getString("name", null);
        if (server == null || session == null || token == null || name == null) {
            return Optional.empty();
        }
        return Optional.of(new SavedSession(server, new ResumeTicket(session, token), name,
                saved.getBoolean("chatOnly", false)));
    }

    void save(Context context) {
        context.getSharedPreferences(FILE, Context.MODE_PRIVATE).edit()
                .putString("server", server).putString("session", ticket.sessionId()).putString("token", ticket.token())
                .putString("name", customerName).putBoolean("chatOnly", chatOnly).apply();
    }

    static void clear(Context context) {
        context.getSharedPreferences(FILE, Context.MODE_PRIVATE).edit().clear().apply();
    }
}
