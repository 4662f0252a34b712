package dev.tandem.android.ui;

import android.app.Activity;
import android.content.Intent;
import android.content.SharedPreferences;
import android.os.Build;
import android.os.Bundle;
import android.view.View;
import android.widget.ArrayAdapter;
import android.widget.AutoCompleteTextView;
import android.widget.Button;
import android.widget.EditText;
import android.widget.TextView;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.transport.WebSocketTransport;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.link.PortalLink;
import dev.tandem.android.request.PortalRequests;
import dev.tandem.android.request.RequestRefused;
import dev.tandem.android.request.RequestView;
import dev.tandem.android.request.RequestWatch;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * "Ask for help" without a code (docs/requests.md): the customer names the support portal (from a
 * portal link, one used before, or typed), their name, what they need and optionally an email, and
 * waits with their place in line shown live. When a technician takes the request the chat opens (a
 * chat-only session); when it expires they may leave an email for a follow-up; they may cancel. The
 * waiting request is kept in private storage, so rotating or Android closing the app keeps the place.
 * Network calls run on one background thread; results come back to the main thread.
 */
public final class RequestActivity extends Activity {
    static final String EXTRA_LINK = "portalLink";
    private static final String PREFERENCES = "request";
    private static final String PORTALS = "portals";

    private final ExecutorService calls = Executors.newSingleThreadExecutor();
    private EditText server;
    private AutoCompleteTextView portal;
    private EditText name;
    private EditText description;
    private EditText email;
    private EditText followUpEmail;
    private TextView position;
    private TextView expiredText;
    private TextView error;
    private Button send;
    private RequestWatch watch;

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        setContentView(R.layout.activity_request);
        setTitle(R.string.help_title);
        EdgeToEdge.keepClear(findViewById(R.id.request_root));
        server = findViewById(R.id.help_server);
        portal = findViewById(R.id.help_portal);
        name = findViewById(R.id.help_name);
        description = findViewById(R.id.help_description);
        email = findViewById(R.id.help_email);
        followUpEmail = findViewById(R.id.help_follow_up_email);
        position = findViewById(R.id.help_position);
        expiredText = findViewById(R.id.help_expired_text);
        error = findViewById(R.id.help_error);
        send = findViewById(R.id.help_send);
        SharedPreferences last = getSharedPreferences(JoinActivity.PREFERENCES, MODE_PRIVATE);
        server.setText(last.getString(JoinActivity.LAST_SERVER, getString(R.string.default_server)));
        name.setText(last.getString(JoinActivity.LAST_NAME, ""));
        Set<String> used = prefs().getStringSet(PORTALS, new LinkedHashSet<>());
        portal.setAdapter(new ArrayAdapter<>(this, android.R.layout.simple_dropdown_item_1line, used.toArray(new String[0])));
        portal.setText(used.isEmpty() ? "default" : used.iterator().next());
        String link = getIntent().getStringExtra(EXTRA_LINK);
        if (saved == null && link != null) {
            PortalLink.parse(link).ifPresent(p -> {
                portal.setText(p.slug());
                p.server().ifPresent(server::setText);
            });
        }
        send.setOnClickListener(v -> sendRequest());
        findViewById(R.id.help_cancel).setOnClickListener(v -> cancel());
        findViewById(R.id.help_follow_up).setOnClickListener(v -> followUp());
        findViewById(R.id.help_new).setOnClickListener(v -> {
            forget();
            show(Step.FORM);
        });
        show(waiting() ? Step.WAITING : Step.FORM);
    }

    @Override
    protected void onStart() {
        super.onStart();
        if (waiting()) {
            watch();
        }
    }

    @Override
    protected void onStop() {
        stopWatching();
        super.onStop();
    }

    @Override
    protected void onDestroy() {
        calls.shutdownNow();
        super.onDestroy();
    }

    private enum Step { FORM, WAITING, EXPIRED }

    private void show(Step step) {
        findViewById(R.id.help_form).setVisibility(step == Step.FORM ? View.VISIBLE : View.GONE);
        findViewById(R.id.help_waiting).setVisibility(step == Step.WAITING ? View.VISIBLE : View.GONE);
        findViewById(R.id.help_expired).setVisibility(step == Step.EXPIRED ? View.VISIBLE : View.GONE);
        findViewById(R.id.help_new).setVisibility(step == Step.EXPIRED ? View.VISIBLE : View.GONE);
        if (step == Step.WAITING && position.getText().length() == 0) {
            position.setText(R.string.help_waiting);
        }
        send.setEnabled(true);
        send.setText(R.string.help_send);
    }

    private void sendRequest() {
        Optional<PortalLink> chosen = PortalLink.parse(portal.getText().toString());
        if (!chosen.isPresent()) {
            showError(getString(R.string.help_error_portal));
            return;
        }
        chosen.get().server().ifPresent(server::setText);
        ServerAddress address;
        try {
            address = ServerAddress.parse(server.getText().toString());
        } catch (IllegalArgumentException e) {
            showError(getString(R.string.join_error_server));
            return;
        }
        String slug = chosen.get().slug();
        String customer = name.getText().toString().trim();
        String what = description.getText().toString().trim();
        String mail = email.getText().toString().trim();
        hideError();
        send.setEnabled(false);
        send.setText(R.string.help_sending);
        calls.execute(() -> {
            try {
                PortalRequests.Created created = new PortalRequests(address).create(slug, customer, what, mail,
                        Build.MANUFACTURER, Build.MODEL);
                runOnUiThread(() -> {
                    remember(address.toString(), slug, customer, created);
                    position.setText("");
                    show(Step.WAITING);
                    changed(created.view);
                    watch();
                });
            } catch (RequestRefused refused) {
                runOnUiThread(() -> {
                    show(Step.FORM);
                    showError(RequestErrors.message(this, refused));
                });
            }
        });
    }

    private void cancel() {
        String id = prefs().getString("id", null);
        String token = prefs().getString("token", null);
        ServerAddress address = savedServer();
        if (id == null || address == null) {
            return;
        }
        calls.execute(() -> {
            try {
                RequestView view = new PortalRequests(address).cancel(id, token);
                runOnUiThread(() -> changed(view));
            } catch (RequestRefused refused) {
                runOnUiThread(() -> showError(RequestErrors.message(this, refused)));
            }
        });
    }

    private void followUp() {
        String id = prefs().getString("id", null);
        String token = prefs().getString("token", null);
        ServerAddress address = savedServer();
        String mail = followUpEmail.getText().toString().trim();
        if (id == null || address == null) {
            return;
        }
        calls.execute(() -> {
            try {
                RequestView view = new PortalRequests(address).followUp(id, token, mail);
                runOnUiThread(() -> {
                    hideError();
                    expiredText.setText(getString(R.string.help_follow_up_done, view.followUpEmail));
                    findViewById(R.id.help_follow_up).setEnabled(false);
                });
            } catch (RequestRefused refused) {
                runOnUiThread(() -> showError(RequestErrors.message(this, refused)));
            }
        });
    }

    /** A new view of the request (from the socket, or an answer): show it, and act when it is decided. */
    private void changed(RequestView view) {
        if (isDestroyed()) {
            return;
        }
        switch (view.status) {
            case WAITING:
                position.setText(view.position > 0 ? getString(R.string.help_position, view.position)
                        : getString(R.string.help_waiting));
                break;
            case ACCEPTED:
                ServerAddress address = savedServer();
                String token = prefs().getString("token", null);
                String customer = prefs().getString("name", "");
                if (address != null && token != null && view.session != null) {
                    stopWatching();
                    forget();
                    TandemApplication.session(this).joinRequest(address, view.session, token, customer);
                    startActivity(new Intent(this, ChatActivity.class));
                    finish();
                }
                break;
            case EXPIRED:
                stopWatching();
                expiredText.setText(R.string.help_expired);
                show(Step.EXPIRED);
                break;
            default:
                stopWatching();
                forget();
                show(Step.FORM);
                showError(getString(R.string.help_cancelled));
        }
    }

    private void watch() {
        ServerAddress address = savedServer();
        String id = prefs().getString("id", null);
        String token = prefs().getString("token", null);
        if (watch != null || address == null || id == null || token == null) {
            return;
        }
        watch = RequestWatch.start(address, id, token, WebSocketTransport.create(),
                view -> runOnUiThread(() -> changed(view)));
    }

    private void stopWatching() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    private boolean waiting() {
        return prefs().getString("id", null) != null;
    }

    private void remember(String serverUrl, String slug, String customer, PortalRequests.Created created) {
        Set<String> used = new LinkedHashSet<>();
        used.add(slug);
        used.addAll(prefs().getStringSet(PORTALS, new LinkedHashSet<>()));
        prefs().edit().putString("server", serverUrl).putString("id", created.view.id).putString("token", created.token)
                .putString("name", customer).putStringSet(PORTALS, used).apply();
        getSharedPreferences(JoinActivity.PREFERENCES, MODE_PRIVATE).edit()
                .putString(JoinActivity.LAST_SERVER, serverUrl).putString(JoinActivity.LAST_NAME, customer).apply();
    }

    private void forget() {
        prefs().edit().remove("server").remove("id").remove("token").remove("name").apply();
    }

    private ServerAddress savedServer() {
        try {
            String saved = prefs().getString("server", null);
            return saved == null ? null : ServerAddress.parse(saved);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private SharedPreferences prefs() {
        return getSharedPreferences(PREFERENCES, MODE_PRIVATE);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisibility(View.VISIBLE);
    }

    private void hideError() {
        error.setVisibility(View.GONE);
    }
}
