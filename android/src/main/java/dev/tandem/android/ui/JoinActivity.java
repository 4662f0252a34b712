package dev.tandem.android.ui;

import android.app.Activity;
import android.content.Intent;
import android.content.SharedPreferences;
import android.net.Uri;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;
import android.widget.TextView;
import dev.tandem.agent.ServerAddress;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.link.AppInviteLink;
import dev.tandem.android.link.JoinLink;
import dev.tandem.android.link.PortalLink;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.SessionCode;
import java.util.Optional;

/**
 * The first screen: the session code (filled in from a join link), the customer's name and the
 * support server (from the link, the last one used, or the one the app was built for), and Join
 * session. Opens the chat once the server lets the phone in; a refusal (wrong, used or expired code)
 * is shown here in the server's words. A join in progress survives rotation (the session, not the
 * screen, knows it is connecting). "No code? Ask for help" and a portal link open the request screen.
 * Every field has a label TalkBack reads.
 */
public final class JoinActivity extends Activity implements ActiveSession.Observer {
    static final String PREFERENCES = "join";
    static final String LAST_SERVER = "server";
    static final String LAST_NAME = "name";
    private static final String JOINING = "joining";

    private EditText code;
    private EditText name;
    private EditText server;
    private TextView error;
    private Button join;
    private boolean joining;
    /** An "Invite to the app" link that waits for the customer's name. */
    private AppInviteLink pendingInvite;

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        setContentView(R.layout.activity_join);
        EdgeToEdge.keepClear(findViewById(R.id.join_root));
        TandemApplication.session(this).restore();
        code = findViewById(R.id.code);
        name = findViewById(R.id.name);
        server = findViewById(R.id.server);
        error = findViewById(R.id.error);
        join = findViewById(R.id.join);
        SharedPreferences last = getSharedPreferences(PREFERENCES, MODE_PRIVATE);
        server.setText(last.getString(LAST_SERVER, getString(R.string.default_server)));
        name.setText(last.getString(LAST_NAME, ""));
        join.setOnClickListener(v -> join());
        findViewById(R.id.ask_for_help).setOnClickListener(v -> startActivity(new Intent(this, RequestActivity.class)));
        joining = saved != null && saved.getBoolean(JOINING);
        if (saved == null) {
            fillFrom(getIntent());
        }
    }

    @Override
    protected void onSaveInstanceState(Bundle out) {
        super.onSaveInstanceState(out);
        out.putBoolean(JOINING, joining);
    }

    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        setIntent(intent);
        fillFrom(intent);
    }

    @Override
    protected void onResume() {
        super.onResume();
        TandemApplication.session(this).observe(this);
        ActiveSession session = TandemApplication.session(this);
        if (session.phase() == ActiveSession.Phase.JOINED || session.phase() == ActiveSession.Phase.RECONNECTING) {
            openChat(); // back to the running session (e.g. the launcher icon tapped during a session)
        } else if (session.phase() == ActiveSession.Phase.CONNECTING) {
            joining = true; // a join started before this screen was recreated (rotation)
            join.setEnabled(false);
            join.setText(R.string.join_connecting);
        } else if (joining) {
            sessionChanged(session); // the answer came while the screen was being recreated
        }
    }

    @Override
    protected void onPause() {
        TandemApplication.session(this).forget(this);
        super.onPause();
    }

    /** A join link fills in the code and, for an https link, the server. */
    private void fillFrom(Intent intent) {
        Uri data = intent == null ? null : intent.getData();
        if (data == null) {
            return;
        }
        if (PortalLink.parse(data.toString()).filter(p -> p.server().isPresent()).isPresent()) {
            startActivity(new Intent(this, RequestActivity.class).putExtra(RequestActivity.EXTRA_LINK, data.toString()));
            return;
        }
        Optional<AppInviteLink> invite = AppInviteLink.parse(data.toString());
        if (invite.isPresent()) {
            continueInApp(invite.get());
            return;
        }
        Optional<JoinLink> link = JoinLink.parse(data.toString());
        if (link.isPresent()) {
            code.setText(link.get().code().grouped());
            link.get().server().ifPresent(server::setText);
            (name.getText().length() == 0 ? name : join).requestFocus();
        } else {
            showError(getString(R.string.join_error_code));
        }
    }

    private void join() {
        if (pendingInvite != null) {
            continueInApp(pendingInvite);
            return;
        }
        Optional<SessionCode> sessionCode = SessionCode.parse(code.getText().toString());
        if (!sessionCode.isPresent()) {
            showError(getString(R.string.join_error_code));
            return;
        }
        String customer = checkedName();
        ServerAddress address = customer == null ? null : checkedServer();
        if (address == null) {
            return;
        }
        connecting(customer, R.string.join_connecting);
        TandemApplication.session(this).join(address, sessionCode.get(), customer);
    }

    /**
     * The technician's "Invite to the app" link: straight into the same session, no code to type. The
     * app needs the customer's name for its own screens; when it knows none yet, the customer types it
     * and Join session continues the invitation.
     */
    private void continueInApp(AppInviteLink invite) {
        invite.server().ifPresent(server::setText);
        String customer = checkedName();
        if (customer == null) {
            pendingInvite = invite; // Join session continues it once the name is typed
            name.requestFocus();
            return;
        }
        pendingInvite = null;
        ServerAddress address = checkedServer();
        if (address == null) {
            return;
        }
        connecting(customer, R.string.join_continuing);
        TandemApplication.session(this).continueInApp(address, invite.session(), invite.token(), customer);
    }

    /** The typed name, or null after saying what is wrong with it. */
    private String checkedName() {
        String customer = name.getText().toString().trim();
        if (customer.isEmpty() || Limits.characters(customer) > Limits.MAX_NAME_CHARS) {
            showError(getString(R.string.join_error_name));
            return null;
        }
        return customer;
    }

    /** The typed server, or null after saying it is not one. */
    private ServerAddress checkedServer() {
        try {
            return ServerAddress.parse(server.getText().toString());
        } catch (IllegalArgumentException e) {
            showError(getString(R.string.join_error_server));
            return null;
        }
    }

    /** Remembers the server and name for next time and shows the join under way. */
    private void connecting(String customer, int label) {
        getSharedPreferences(PREFERENCES, MODE_PRIVATE).edit()
                .putString(LAST_SERVER, server.getText().toString().trim()).putString(LAST_NAME, customer).apply();
        error.setVisibility(View.GONE);
        joining = true;
        join.setEnabled(false);
        join.setText(label);
    }

    @Override
    public void sessionChanged(ActiveSession session) {
        if (!joining) {
            return;
        }
        if (session.phase() == ActiveSession.Phase.JOINED) {
            joining = false;
            resetButton();
            openChat();
        } else if (session.phase() == ActiveSession.Phase.OVER) {
            joining = false;
            resetButton();
            showError(session.endReason() != null ? session.endReason() : getString(R.string.chat_ended_server));
        }
    }

    private void resetButton() {
        join.setEnabled(true);
        join.setText(R.string.join_button);
    }

    private void openChat() {
        startActivity(new Intent(this, ChatActivity.class));
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisibility(View.VISIBLE);
    }
}
